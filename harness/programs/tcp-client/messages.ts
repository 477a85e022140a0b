// The TCP client's own sentences, in both languages (spread into harness/messages/catalog.ts).
export const tcpClientMessages = {
  'tcp-client.sends.ok': {
    fr: 'Le client s’est connecté au serveur et a envoyé {payload}.',
    en: 'The client connected to the server and sent {payload}.',
  },
  'tcp-client.sends.wrong-port': {
    fr: 'Aucune connexion n’est arrivée au serveur : le code se connecte au port {requested} ; le serveur du sujet écoute sur le port {expected}.',
    en: 'No connection reached the server: the code connects to port {requested}; the handout’s server listens on port {expected}.',
  },
  'tcp-client.sends.crashed': {
    fr: 'Le programme s’est arrêté avant d’envoyer quoi que ce soit au serveur ({status}) : {error}',
    en: 'The program stopped before sending anything to the server ({status}): {error}',
  },
  'tcp-client.sends.nothing-sent': {
    fr: 'Le client s’est connecté au serveur mais n’a rien envoyé en {seconds} s.',
    en: 'The client connected to the server but sent nothing within {seconds} s.',
  },
  'tcp-client.sends.exited': {
    fr: 'Le programme s’est arrêté ({status}) sans se connecter au serveur.',
    en: 'The program stopped ({status}) without connecting to the server.',
  },
  'tcp-client.sends.none': {
    fr: 'Aucune connexion n’est arrivée au serveur en {seconds} s.',
    en: 'No connection reached the server within {seconds} s.',
  },
  'tcp-client.skipped.nothing-sent': {
    fr: 'Non vérifié : le client n’a rien envoyé au serveur.',
    en: 'Not checked: the client sent nothing to the server.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
