#!/usr/bin/env python3
# TP réseau - client TCP (Inès)
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", 3000))
client.sendall(b"Hello from client")
data = client.recv(1024)
print("Message du serveur : ", data)
client.close()
