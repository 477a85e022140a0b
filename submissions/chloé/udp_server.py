#!/usr/bin/env python3
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('0.0.0.0', 9999))
print("Serveur d'écho prêt")
try:
    while True:
        message, adresse = s.recvfrom(1024)
        s.sendto(message, adresse)
except KeyboardInterrupt:
    print("Arrêt du serveur")
s.close()
