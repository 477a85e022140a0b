#!/usr/bin/env python3
# TP réseau - client UDP : mesure du RTT et des pertes
import socket
import time

HOTE = "127.0.0.1"
PORT = 9999
NB_PINGS = 50

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(1)  # on attend au plus 1 seconde chaque écho

liste_rtt = []
pertes = 0

for num in range(1, NB_PINGS + 1):
    message = "Ping " + str(num)
    depart = time.time()
    client.sendto(message.encode(), (HOTE, PORT))
    try:
        data, serveur = client.recvfrom(1024)
        rtt = (time.time() - depart) * 1000
        liste_rtt.append(rtt)
        print("Réponse de", serveur, ":", data.decode(), "- RTT =", round(rtt, 3), "ms")
    except socket.timeout:
        pertes = pertes + 1
        print("Ping", num, ": délai dépassé")

client.close()

recus = NB_PINGS - pertes
print("----- Statistiques -----")
print("Envoyés :", NB_PINGS)
print("Reçus :", recus)
print("Pertes :", pertes, "(" + str(pertes / NB_PINGS) + " %)")
if recus > 0:
    moyenne = sum(liste_rtt) / len(liste_rtt)
    print("RTT min/avg/max = %.3f/%.3f/%.3f ms" % (min(liste_rtt), moyenne, max(liste_rtt)))
