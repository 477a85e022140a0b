#!/usr/bin/env python3
import socket

PORT = 3001  # le 3000 était pris sur ma machine

serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind(('localhost', PORT))
print("Serveur UDP en écoute sur", PORT)
while True:
    request, address = serveur.recvfrom(1024)
    print("Message client : ", request.decode("utf-8"))
    print("IP du client connecté : ", address)
    serveur.sendto(b"i am the server", address)
