import socket
import sys

serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind(('localhost', 3000))
print("Serveur prêt")
try:
    while True:
        message, client = serveur.recvfrom(1024)
        print("Reçu", message.decode(), "de", client)
        serveur.sendto(b"i am the server", client)
except KeyboardInterrupt:
    print("Au revoir")
    serveur.close()
    sys.exit(0)
