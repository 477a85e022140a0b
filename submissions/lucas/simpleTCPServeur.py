#!/usr/bin/env python3
# TP réseau - serveur TCP (Lucas)
import socket

serveur = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
serveur.bind(('localhost', 3000))
serveur.listen(5)
print("Serveur TCP en écoute sur 3000\n")

while True:
    conn, address = serveur.accept()
    request = conn.recv(1024)
    print("Message client : ", request.decode("utf-8"))
    print("IP du client connecté : ", address)
    conn.sendall(b"i am the server")
    conn.close()

serveur.close()
