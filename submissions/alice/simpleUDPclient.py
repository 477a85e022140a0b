#!/usr/bin/env python3
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(2)
client.sendto("Hello from client".encode("utf-8"), ("127.0.0.1", 3000))
try:
    data = client.recv(1024)
    print("Message du serveur : ", data.decode("utf-8"))
except socket.timeout:
    print("Le serveur n'a pas répondu")
finally:
    client.close()
