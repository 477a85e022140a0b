#!/usr/bin/env python3
import socket

# Serveur UDP de Bruno
serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.bind(('localhost', 3000))
print("Serveur UDP en écoute sur 3000")
while True:
    request, address = serveur.recvfrom(1024)
    print("Message client : ", request.decode("utf-8"))
    print("IP du client connecté : ", address)
    serveur.sendto(b"i am the server", address)
