// The TCP server's own sentences, in both languages (spread into harness/messages/catalog.ts).
export const tcpServerMessages = {
  'tcp-server.reply.died': {
    fr: 'Le serveur s’est arrêté sur cette connexion ({status}) : {error}',
    en: 'The server stopped on this connection ({status}): {error}',
  },
  'tcp-server.reply.closed-empty': {
    fr: 'Le serveur a fermé la connexion sans rien envoyer.',
    en: 'The server closed the connection without sending anything.',
  },
  'tcp-server.reply.reset': {
    fr: 'Le serveur a réinitialisé la connexion (RST) sans rien envoyer.',
    en: 'The server reset the connection (RST) without sending anything.',
  },
  'tcp-server.reply.refused': {
    fr: 'La connexion a été refusée : personne n’acceptait sur ce port.',
    en: 'The connection was refused: nothing accepted on that port.',
  },

  'tcp-server.closes-connection.ok': {
    fr: 'Après sa réponse, le serveur ferme la connexion : le client lit la fin du flux.',
    en: 'After its reply the server closes the connection: the client reads the end of the stream.',
  },
  'tcp-server.closes-connection.open': {
    fr: 'La connexion était encore ouverte {ms} ms après la réponse : fermez-la (conn.close()) une fois la réponse envoyée, sinon le client attend la suite.',
    en: 'The connection was still open {ms} ms after the reply: close it (conn.close()) once the reply is sent, or the client keeps waiting for more.',
  },
  'tcp-server.closes-connection.reset': {
    fr: 'Le serveur a réinitialisé la connexion (RST) au lieu de la fermer : lisez le message du client (conn.recv(1024)) avant conn.close().',
    en: 'The server reset the connection (RST) instead of closing it: read the client’s message (conn.recv(1024)) before conn.close().',
  },
  'tcp-server.skipped.no-reply': {
    fr: 'Non vérifié : le serveur n’a rien répondu sur cette connexion.',
    en: 'Not checked: the server sent nothing on this connection.',
  },
  'tcp-server.skipped.stopped-on-connection': {
    fr: 'Non vérifié : le serveur s’est arrêté sur cette connexion ({status}) ; c’est alors le système qui la ferme.',
    en: 'Not checked: the server stopped on this connection ({status}); the system then closes it.',
  },

  'tcp-server.many-clients.ok': {
    fr: '{count} clients l’un après l’autre, puis {count} en même temps (en file d’attente d’accept), ont chacun reçu une réponse.',
    en: '{count} clients one after the other, then {count} at once (queued for accept), each got a reply.',
  },
  'tcp-server.many-clients.missing': {
    fr: 'Clients ayant reçu une réponse : {inTurn} sur {count} l’un après l’autre, {atOnce} sur {count} en même temps. Le serveur doit revenir à accept() après chaque client.',
    en: 'Clients that got a reply: {inTurn} of {count} one after the other, {atOnce} of {count} at once. The server must go back to accept() after each client.',
  },
  'tcp-server.many-clients.died': {
    fr: 'Clients ayant reçu une réponse : {inTurn} sur {count} l’un après l’autre, {atOnce} sur {count} en même temps ; le serveur s’est arrêté en route ({status}) : {error}',
    en: 'Clients that got a reply: {inTurn} of {count} one after the other, {atOnce} of {count} at once; the server stopped on the way ({status}): {error}',
  },

  'tcp-server.stops.ok': { fr: 'Ctrl+C arrête le serveur{again}.', en: 'Ctrl+C stops the server{again}.' },

  'tcp-server.reuseaddr-restart.ok': {
    fr: 'Relancé aussitôt alors qu’une connexion sur le port {port} était encore en TIME_WAIT : il écoute de nouveau (SO_REUSEADDR est activée).',
    en: 'Restarted at once while a connection on port {port} was still in TIME_WAIT: it listens again (SO_REUSEADDR is set).',
  },
  'tcp-server.reuseaddr-restart.in-use': {
    fr: 'Relancé aussitôt alors qu’une connexion sur le port {port} était encore en TIME_WAIT (pendant 60 s après qu’un serveur a fermé une connexion), le serveur n’a pas pu se lier : {error}. Appelez serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) avant bind().',
    en: 'Restarted at once while a connection on port {port} was still in TIME_WAIT (for 60 s after a server closes a connection), the server could not bind: {error}. Call serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) before bind().',
  },
  'tcp-server.reuseaddr-restart.no-listen': {
    fr: 'Relancé aussitôt sur le port {port}, le serveur n’écoute pas : {why}',
    en: 'Restarted at once on port {port}, the server does not listen: {why}',
  },
  'tcp-server.skipped.other-port': {
    fr: 'Non vérifié : le serveur n’écoute pas sur le port {port} du sujet, où la relance est testée.',
    en: 'Not checked: the server does not listen on the handout’s port {port}, where the restart is tested.',
  },
  'tcp-server.skipped.no-time-wait': {
    fr: 'Non vérifié : le correcteur n’a pas pu mettre une connexion en TIME_WAIT sur ce port.',
    en: 'Not checked: the grader could not put a connection on this port in TIME_WAIT.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
