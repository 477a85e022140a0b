#!/usr/bin/env python3
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto(b"Hello from client", ("127.0.0.1", 3000))
data = client.recv(1024)
print("Message du serveur : ", data.decode())
client.close()
