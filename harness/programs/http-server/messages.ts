// The HTTP server's own sentences, in both languages; spread into harness/messages/catalog.ts.
// Shared sentences (shebang.*, binds.*, status.*, skipped.*, stops-cleanly.again…) stay in the catalogue.
export const httpServerMessages = {
  'http.starts.ok': { fr: 'Une socket TCP écoute.', en: 'A TCP socket is listening.' },
  'http.starts.crashed': {
    fr: 'Le programme s’est arrêté avant d’écouter sur une socket TCP ({status}) : {error}',
    en: 'The program stopped before listening on a TCP socket ({status}): {error}',
  },
  'http.starts.exited': {
    fr: 'Le programme s’est arrêté avant d’écouter sur une socket TCP ({status}), sans message d’erreur.',
    en: 'The program stopped before listening on a TCP socket ({status}), with no error message.',
  },
  'http.starts.accept-without-listen': {
    fr: 'Le programme s’est arrêté avant d’écouter sur une socket TCP ({status}) : {error}. accept() échoue sur une socket qui n’écoute pas : appelez listen() après bind().',
    en: 'The program stopped before listening on a TCP socket ({status}): {error}. accept() fails on a socket that is not listening: call listen() after bind().',
  },
  'http.starts.timeout': {
    fr: 'Aucune socket TCP en écoute après {seconds} s (bind puis listen).',
    en: 'No TCP socket listening after {seconds} s (bind, then listen).',
  },
  'http.starts.timeout-udp': {
    fr: 'Aucune socket TCP en écoute après {seconds} s, mais une socket UDP est liée au port {port} : HTTP passe par TCP, utilisez SOCK_STREAM, pas SOCK_DGRAM.',
    en: 'No TCP socket listening after {seconds} s, but a UDP socket is bound to port {port}: HTTP runs over TCP, use SOCK_STREAM, not SOCK_DGRAM.',
  },
  'http.starts.unreachable': {
    fr: 'Socket TCP en écoute sur {address}, une adresse que le correcteur ne contacte pas (boucle locale uniquement).',
    en: 'TCP socket listening on {address}, an address the grader does not contact (loopback only).',
  },

  // Why a request got no response at all.
  'http.refused': { fr: 'La connexion a été refusée ({code}).', en: 'The connection was refused ({code}).' },
  'http.silent-open': {
    fr: 'Aucune réponse en {ms} ms, et la connexion est restée ouverte.',
    en: 'No response within {ms} ms, and the connection stayed open.',
  },
  'http.silent-closed': {
    fr: 'Le serveur a fermé la connexion sans rien répondre.',
    en: 'The server closed the connection without answering.',
  },
  'http.silent-reset': {
    fr: 'Le serveur a coupé la connexion (reset) sans rien répondre.',
    en: 'The server reset the connection without answering.',
  },
  'http.died': {
    fr: 'Le serveur s’est arrêté sur cette requête ({status}) : {error}',
    en: 'The server stopped on this request ({status}): {error}',
  },
  'http.no-head-end': {
    fr: 'Aucune ligne vide ne termine les en-têtes : après les en-têtes, envoyez "\\r\\n" seul, puis le corps ({bytes} octets reçus).',
    en: 'No blank line ends the headers: after them send "\\r\\n" alone, then the body ({bytes} bytes received).',
  },

  'http.status-line.ok': { fr: 'Ligne de statut : {line}.', en: 'Status line: {line}.' },
  'http.status-line.wrong-code': {
    fr: 'La ligne de statut est {line} : le code est {code} au lieu de 200.',
    en: 'The status line is {line}: the code is {code} instead of 200.',
  },
  'http.status-line.malformed': {
    fr: 'La ligne de statut est {line} ; attendu : version, espace, code, espace, raison, comme "HTTP/1.1 200 OK".',
    en: 'The status line is {line}; expected version, space, code, space, reason, as in "HTTP/1.1 200 OK".',
  },

  'http.content-type.ok': { fr: 'Content-Type : {value}.', en: 'Content-Type: {value}.' },
  'http.content-type.missing': {
    fr: 'Aucun en-tête Content-Type dans la réponse (en-têtes reçus : {names}).',
    en: 'No Content-Type header in the response (headers received: {names}).',
  },
  'http.content-type.wrong': {
    fr: 'Content-Type vaut {value} ; attendu : {expected}.',
    en: 'Content-Type is {value}; expected {expected}.',
  },
  'http.headers.none': { fr: 'aucun', en: 'none' },

  'http.content-length.ok': {
    fr: 'Content-Length : {length}, le nombre d’octets du corps.',
    en: 'Content-Length: {length}, the body’s byte count.',
  },
  'http.content-length.missing': {
    fr: 'Aucun en-tête Content-Length ; le corps fait {bytes} octets.',
    en: 'No Content-Length header; the body has {bytes} bytes.',
  },
  'http.content-length.not-a-number': {
    fr: 'Content-Length vaut {value}, qui n’est pas un nombre d’octets ; le corps fait {bytes} octets.',
    en: 'Content-Length is {value}, not a number of bytes; the body has {bytes} bytes.',
  },
  'http.content-length.wrong': {
    fr: 'Content-Length annonce {length} mais le corps fait {bytes} octets.',
    en: 'Content-Length says {length} but the body has {bytes} bytes.',
  },
  'http.content-length.characters': {
    fr: 'Content-Length annonce {length} mais le corps fait {bytes} octets : {length} est son nombre de caractères. Une lettre accentuée prend 2 octets en UTF-8 : comptez les octets, len(corps.encode("utf-8")), pas len(corps).',
    en: 'Content-Length says {length} but the body has {bytes} bytes: {length} is its number of characters. An accented letter takes 2 bytes in UTF-8: count the bytes, len(body.encode("utf-8")), not len(body).',
  },

  'http.crlf.ok': {
    fr: 'Chaque ligne de l’en-tête finit par "\\r\\n".',
    en: 'Every line of the head ends with "\\r\\n".',
  },
  'http.crlf.bare-lf': {
    fr: '{count} ligne(s) de l’en-tête finissent par "\\n" seul : HTTP demande "\\r\\n" (ligne de statut, en-têtes et ligne vide).',
    en: '{count} line(s) of the head end with "\\n" alone: HTTP asks for "\\r\\n" (status line, headers and the blank line).',
  },

  'http.closes.ok': {
    fr: 'Le serveur ferme la connexion après la réponse.',
    en: 'The server closes the connection after the response.',
  },
  'http.closes.open': {
    fr: 'La connexion était encore ouverte {ms} ms après la requête : fermez-la (conn.close()) après avoir envoyé la réponse.',
    en: 'The connection was still open {ms} ms after the request: close it (conn.close()) once the response is sent.',
  },
  'http.closes.too-long': {
    fr: 'La réponse dépasse {bytes} octets : le correcteur a cessé de la lire.',
    en: 'The response is longer than {bytes} bytes: the grader stopped reading it.',
  },

  'http.not-found.ok': {
    fr: 'GET {path} reçoit {line}, avec un corps.',
    en: 'GET {path} gets {line}, with a body.',
  },
  'http.not-found.wrong-code': {
    fr: 'GET {path} reçoit {line} au lieu d’un statut 404.',
    en: 'GET {path} gets {line} instead of a 404 status.',
  },
  'http.not-found.no-body': {
    fr: 'GET {path} reçoit {line}, mais sans corps : ajoutez une courte page qui dit que la page n’existe pas.',
    en: 'GET {path} gets {line}, but no body: add a short page saying the page does not exist.',
  },
  'http.not-found.no-response': { fr: 'GET {path} : {why}', en: 'GET {path}: {why}' },

  'http.survives.ok': {
    fr: 'Après une requête qui n’est pas du HTTP ({garbage}) et une connexion vide, la page est toujours servie.',
    en: 'After a request that is not HTTP ({garbage}) and an empty connection, the page is still served.',
  },
  'http.survives.died-on-garbage': {
    fr: 'Le serveur s’est arrêté sur la requête {garbage}, qui n’est pas du HTTP ({status}) : {error}',
    en: 'The server stopped on the request {garbage}, which is not HTTP ({status}): {error}',
  },
  'http.survives.died-on-empty': {
    fr: 'Le serveur s’est arrêté sur une connexion fermée sans rien envoyer (recv renvoie b\'\') ({status}) : {error}',
    en: 'The server stopped on a connection closed without sending anything (recv returns b\'\') ({status}): {error}',
  },
  'http.survives.no-answer': {
    fr: 'Après une requête qui n’est pas du HTTP et une connexion vide, GET {path} n’a pas de réponse : {why}',
    en: 'After a request that is not HTTP and an empty connection, GET {path} gets no response: {why}',
  },

  'http.stops.ok': { fr: 'Ctrl+C arrête le serveur{again}.', en: 'Ctrl+C stops the server{again}.' },
  'http.stops.already-dead': {
    fr: 'Le serveur s’était arrêté avant Ctrl+C ({status}){again}.',
    en: 'The server had stopped before Ctrl+C ({status}){again}.',
  },
  'http.stops.no-relaunch': {
    fr: 'Le serveur s’était arrêté pendant les requêtes, et un second lancement n’écoute pas : {why}',
    en: 'The server had stopped during the requests, and a second run does not listen: {why}',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
