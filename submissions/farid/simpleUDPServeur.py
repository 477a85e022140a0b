#!/usr/bin/env python3
import socket

serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind(('localhost', 3000))
print("Serveur UDP en écoute sur 3000")
# J'attends un client, je lui réponds, et c'est fini.
request, address = serveur.recvfrom(1024)
print("Message client : ", request.decode("utf-8"))
print("IP du client connecté : ", address)
serveur.sendto(b"i am the server", address)
serveur.close()
