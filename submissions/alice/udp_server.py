#!/usr/bin/env python3
import socket

serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.bind(('0.0.0.0', 9999))
print("Serveur d'écho en écoute sur le port 9999")
try:
    while True:
        data, client = serveur.recvfrom(4096)
        print("Reçu", len(data), "octets de", client)
        serveur.sendto(data, client)
except KeyboardInterrupt:
    print("Arrêt du serveur")
finally:
    serveur.close()
