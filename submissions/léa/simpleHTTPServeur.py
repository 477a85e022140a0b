#!/usr/bin/env python3
import socket

# page d'accueil du serveur
page = """<html>
<head><meta charset="utf-8"><title>Mon serveur</title></head>
<body>
<h1>Bienvenue à la page d'accueil !</h1>
<p>Serveur HTTP écrit avec le module socket.</p>
</body>
</html>
"""

page404 = "<html><body><h1>Erreur 404 : page non trouvée</h1></body></html>"

serveur = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# permet de libérer le PORT après un CTRL + C
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind(('localhost', 8080))
serveur.listen(5)
print("Serveur HTTP en écoute sur http://localhost:8080/")

while True:
    client, adresse = serveur.accept()
    requete = client.recv(1024).decode("utf-8")
    print("Requête reçue de", adresse)
    chemin = requete.split(" ")[1]
    if chemin == "/":
        entete = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(page)) + "\r\n\r\n"
        client.send(entete.encode("utf-8") + page.encode("utf-8"))
    else:
        entete = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: " + str(len(page404)) + "\r\n\r\n"
        client.send(entete.encode("utf-8") + page404.encode("utf-8"))
    client.close()
serveur.close()
