import { udpRttClientMessages } from '../programs/udp-rtt-client/messages.js';
import { tcpClientMessages } from '../programs/tcp-client/messages.js';
import { tcpServerMessages } from '../programs/tcp-server/messages.js';
import { httpServerMessages } from '../programs/http-server/messages.js';

// Every sentence the harness writes, in both languages; code refers to them by key only.
// A program kind may keep its own sentences in programs/<kind>/messages.ts, spread in at the end.
// Placeholders in braces are filled by translate(); values arrive already formatted.
export const catalog = {
  'entry.missing': {
    fr: 'Aucun fichier {expected} dans ce rendu{candidates}.',
    en: 'No {expected} in this submission{candidates}.',
  },
  'entry.candidates': { fr: ' (fichiers trouvés : {names})', en: ' (files found: {names})' },
  'entry.substitute.other-case': {
    fr: '{name} a été corrigé à la place de {expected} (même nom, autre casse).',
    en: '{name} was graded instead of {expected} (same name, other case).',
  },
  'entry.substitute.other-extension': {
    fr: '{name} a été corrigé à la place de {expected}.',
    en: '{name} was graded instead of {expected}.',
  },
  'entry.substitute.only-file': {
    fr: '{name} a été corrigé à la place de {expected} (seul fichier de ce type).',
    en: '{name} was graded instead of {expected} (the only file of its kind).',
  },
  'entry.substitute.named-file': {
    fr: '{name} a été corrigé (fichier donné en argument) ; le sujet demande {expected}.',
    en: '{name} was graded (the file named on the command line); the handout asks for {expected}.',
  },
  'entry.no-launcher': {
    fr: 'La grille ne sait pas lancer {name}.',
    en: 'The rubric has no way to run {name}.',
  },

  'shebang.ok': { fr: 'La première ligne est {line}.', en: 'The first line is {line}.' },
  'shebang.wrong': { fr: 'La première ligne est {line} au lieu de {expected}.', en: 'The first line is {line} instead of {expected}.' },
  'shebang.empty': { fr: 'Le fichier est vide.', en: 'The file is empty.' },

  'starts.ok': { fr: 'Une socket UDP est liée.', en: 'A UDP socket is bound.' },
  'starts.crashed': {
    fr: 'Le programme s’est arrêté avant de lier une socket ({status}) : {error}',
    en: 'The program stopped before binding a socket ({status}): {error}',
  },
  'starts.exited': {
    fr: 'Le programme s’est arrêté avant de lier une socket ({status}), sans message d’erreur.',
    en: 'The program stopped before binding a socket ({status}), with no error message.',
  },
  'starts.timeout': {
    fr: 'Aucune socket UDP liée après {seconds} s.',
    en: 'No UDP socket bound after {seconds} s.',
  },
  'starts.timeout-tcp': {
    fr: 'Aucune socket UDP liée après {seconds} s, mais une socket TCP écoute sur le port {port} : utilisez SOCK_DGRAM, pas SOCK_STREAM.',
    en: 'No UDP socket bound after {seconds} s, but a TCP socket listens on port {port}: use SOCK_DGRAM, not SOCK_STREAM.',
  },
  // A TCP server's start (tcpStartWording): its socket must listen.
  'starts.listening': { fr: 'Une socket TCP écoute.', en: 'A TCP socket listens.' },
  'starts.crashed-listen': {
    fr: 'Le programme s’est arrêté avant qu’une socket TCP n’écoute ({status}) : {error}',
    en: 'The program stopped before a TCP socket listened ({status}): {error}',
  },
  'starts.exited-listen': {
    fr: 'Le programme s’est arrêté avant qu’une socket TCP n’écoute ({status}), sans message d’erreur.',
    en: 'The program stopped before a TCP socket listened ({status}), with no error message.',
  },
  'starts.timeout-listen': {
    fr: 'Aucune socket TCP en écoute après {seconds} s : après bind, appelez listen() puis accept().',
    en: 'No TCP socket listening after {seconds} s: after bind, call listen() then accept().',
  },
  'starts.timeout-udp': {
    fr: 'Aucune socket TCP en écoute après {seconds} s, mais une socket UDP est liée au port {port} : utilisez SOCK_STREAM, pas SOCK_DGRAM, puis listen() et accept().',
    en: 'No TCP socket listening after {seconds} s, but a UDP socket is bound to port {port}: use SOCK_STREAM, not SOCK_DGRAM, then listen() and accept().',
  },
  'starts.unreachable-tcp': {
    fr: 'Socket TCP en écoute sur {address}, une adresse que le correcteur ne contacte pas (boucle locale uniquement).',
    en: 'TCP socket listening on {address}, an address the grader does not contact (loopback only).',
  },
  'starts.unreachable': {
    fr: 'Socket UDP liée sur {address}, une adresse que le correcteur ne contacte pas (boucle locale uniquement).',
    en: 'UDP socket bound on {address}, an address the grader does not contact (loopback only).',
  },

  'binds.ok': { fr: 'Liée à {address}, port {port}.', en: 'Bound to {address}, port {port}.' },
  'binds.wrong-port': {
    fr: 'Le code demande le port {requested} ; le sujet demande le port {expected}.',
    en: 'The code asks for port {requested}; the handout asks for port {expected}.',
  },
  'binds.port-unknown': {
    fr: 'La socket n’est pas liée au port {expected} demandé par le sujet.',
    en: 'The socket is not bound to port {expected}, which the handout asks for.',
  },
  'binds.wrong-address': {
    fr: 'Liée à {address} ; le sujet demande {expected}.',
    en: 'Bound to {address}; the handout asks for {expected}.',
  },

  'reply.ok': { fr: 'Réponse exacte : {received}.', en: 'Exact reply: {received}.' },
  'reply.wrong': { fr: 'Reçu {received} au lieu de {expected}.', en: 'Got {received} instead of {expected}.' },
  'reply.none': { fr: 'Aucune réponse en {ms} ms.', en: 'No reply within {ms} ms.' },
  'reply.died': {
    fr: 'Le serveur s’est arrêté en recevant le datagramme ({status}) : {error}',
    en: 'The server stopped on receiving the datagram ({status}): {error}',
  },

  'prints-message.ok': { fr: 'Le message reçu est affiché.', en: 'The received message is printed.' },
  'prints-message.missing': {
    fr: 'La sortie ne contient pas le message envoyé ({payload}).',
    en: 'The output does not contain the message sent ({payload}).',
  },
  'prints-client.ok': { fr: 'L’adresse et le port du client sont affichés.', en: 'The client’s address and port are printed.' },
  'prints-client.missing': {
    fr: 'La sortie ne contient pas l’adresse du client ({address}) avec son port.',
    en: 'The output does not contain the client’s address ({address}) with its port.',
  },
  'prints.no-traffic': {
    fr: 'Non vérifié : le serveur n’a pas reçu le datagramme.',
    en: 'Not checked: the server did not receive the datagram.',
  },

  'many-clients.ok': {
    fr: '{clients} clients ont chacun reçu leurs {each} réponses.',
    en: '{clients} clients each got their {each} replies.',
  },
  'many-clients.missing': {
    fr: 'Réponses reçues par client : {counts} (attendu : {each} chacun).',
    en: 'Replies received per client: {counts} (expected {each} each).',
  },

  'reuseaddr.ok': { fr: 'SO_REUSEADDR est activée.', en: 'SO_REUSEADDR is set.' },
  'reuseaddr.missing': {
    fr: 'SO_REUSEADDR n’est pas activée sur la socket du serveur.',
    en: 'SO_REUSEADDR is not set on the server’s socket.',
  },

  'restart.ok': {
    fr: 'Arrêté par Ctrl+C, puis relancé aussitôt : il a répondu de nouveau.',
    en: 'Stopped by Ctrl+C, then restarted at once: it answered again.',
  },
  'restart.ignored': {
    fr: 'Toujours en marche {seconds} s après Ctrl+C : le programme a été tué.',
    en: 'Still running {seconds} s after Ctrl+C: the program was killed.',
  },
  'restart.already-dead': {
    fr: 'Le serveur s’était déjà arrêté avant Ctrl+C ({status}).',
    en: 'The server had already stopped before Ctrl+C ({status}).',
  },
  'restart.no-rebind': {
    fr: 'Arrêté par Ctrl+C, mais la relance n’a pas lié de socket : {why}',
    en: 'Stopped by Ctrl+C, but the restart bound no socket: {why}',
  },
  'restart.no-reply': {
    fr: 'Arrêté par Ctrl+C et relancé, mais n’a pas répondu en {ms} ms.',
    en: 'Stopped by Ctrl+C and restarted, but gave no reply within {ms} ms.',
  },

  // The UDP client (the grader plays the server).
  'sends.ok': { fr: 'Un datagramme est arrivé au serveur : {payload}.', en: 'One datagram reached the server: {payload}.' },
  'sends.many': {
    fr: '{count} datagrammes sont arrivés au serveur (le premier : {payload}) ; le client du sujet en envoie un seul.',
    en: '{count} datagrams reached the server (the first: {payload}); the handout’s client sends one.',
  },
  'sends.crashed': {
    fr: 'Le programme s’est arrêté avant qu’un datagramme n’arrive au serveur ({status}) : {error}',
    en: 'The program stopped before any datagram reached the server ({status}): {error}',
  },
  'sends.exited': {
    fr: 'Le programme s’est arrêté ({status}) sans qu’aucun datagramme n’arrive au serveur.',
    en: 'The program stopped ({status}) and no datagram reached the server.',
  },
  'sends.none': {
    fr: 'Aucun datagramme n’est arrivé au serveur en {seconds} s.',
    en: 'No datagram reached the server within {seconds} s.',
  },
  'sends.wrong-port': {
    fr: 'Aucun datagramme n’est arrivé au serveur : le code envoie au port {requested} ; le serveur du sujet écoute sur le port {expected}.',
    en: 'No datagram reached the server: the code sends to port {requested}; the handout’s server listens on port {expected}.',
  },
  'prints-reply.ok': { fr: 'La réponse du serveur est affichée après {prefix}.', en: 'The server’s reply is printed after {prefix}.' },
  'prints-reply.missing': {
    fr: 'La sortie ne contient pas la réponse du serveur ({reply}) après {prefix}.',
    en: 'The output does not contain the server’s reply ({reply}) after {prefix}.',
  },
  'prints-reply.no-prefix': {
    fr: 'La réponse {reply} est affichée, mais pas après {prefix} comme dans le sujet.',
    en: 'The reply {reply} is printed, but not after {prefix} as in the handout.',
  },
  'prints-reply.bytes-repr': {
    fr: 'La réponse est affichée sous forme d’octets ({printed}) : décodez-la avant de l’afficher (data.decode()).',
    en: 'The reply is printed as bytes ({printed}): decode it before printing it (data.decode()).',
  },
  'prints-reply.crashed': {
    fr: 'Le programme s’est arrêté après la réponse du serveur sans l’afficher ({status}) : {error}',
    en: 'The program stopped after the server’s reply without printing it ({status}): {error}',
  },
  'exits.ok': { fr: 'Le programme se termine avec le code 0 après la réponse.', en: 'The program exits with code 0 after the reply.' },
  'exits.timeout': {
    fr: 'Toujours en marche {seconds} s après la réponse du serveur : le programme a été tué.',
    en: 'Still running {seconds} s after the server’s reply: the program was killed.',
  },
  'exits.crashed': {
    fr: 'Le programme s’est arrêté sur une erreur après la réponse ({status}) : {error}',
    en: 'The program stopped on an error after the reply ({status}): {error}',
  },
  'exits.status': {
    fr: 'Le programme s’est terminé ({status}) au lieu de sortir avec le code 0.',
    en: 'The program ended ({status}) instead of exiting with code 0.',
  },
  'handles-silence.ok': {
    fr: 'Face à un serveur qui ne répond jamais, le client abandonne de lui-même et se termine avec le code 0.',
    en: 'Against a server that never answers, the client gives up by itself and exits with code 0.',
  },
  'handles-silence.hangs': {
    fr: 'Face à un serveur qui ne répond jamais, le client attendait encore au bout de {seconds} s : il a été arrêté.',
    en: 'Against a server that never answers, the client was still waiting after {seconds} s: it was stopped.',
  },
  'handles-silence.crashed': {
    fr: 'Face à un serveur qui ne répond jamais, le client s’est arrêté sur une erreur ({status}) : {error}',
    en: 'Against a server that never answers, the client stopped on an error ({status}): {error}',
  },
  'handles-silence.exited': {
    fr: 'Face à un serveur qui ne répond jamais, le client s’est terminé ({status}) au lieu de sortir avec le code 0.',
    en: 'Against a server that never answers, the client ended ({status}) instead of exiting with code 0.',
  },
  'skipped.no-datagram': {
    fr: 'Non vérifié : aucun datagramme du client n’est arrivé au serveur.',
    en: 'Not checked: no datagram from the client reached the server.',
  },

  'skipped.not-started': {
    fr: 'Non vérifié : le serveur n’a pas démarré.',
    en: 'Not checked: the server did not start.',
  },
  'skipped.unreachable': {
    fr: 'Non vérifié : le serveur n’écoute pas sur la boucle locale.',
    en: 'Not checked: the server does not listen on loopback.',
  },
  'skipped.no-entry': { fr: 'Non vérifié : aucun fichier à lancer.', en: 'Not checked: no file to run.' },

  // The UDP echo server.
  'echo-sizes.ok': { fr: 'Les datagrammes de {sizes} octets sont revenus entiers.', en: 'Datagrams of {sizes} bytes came back whole.' },
  'echo-sizes.wrong': { fr: 'Octets envoyés → octets renvoyés : {lengths}.', en: 'Bytes sent → bytes echoed: {lengths}.' },
  'echo-sizes.wrong-because': {
    fr: 'Octets envoyés → octets renvoyés : {lengths}. {why}',
    en: 'Bytes sent → bytes echoed: {lengths}. {why}',
  },
  'echo-sizes.truncated': {
    fr: 'Chaque datagramme plus long que {got} octets est coupé à {got} octets : la taille donnée à recvfrom ({got}) est le plus qu’il garde d’un datagramme ; demandez au moins {max}.',
    en: 'Every datagram longer than {got} bytes is cut to {got} bytes: the size given to recvfrom ({got}) is the most it keeps of a datagram; ask for at least {max}.',
  },
  'echo-sizes.no-reply': { fr: '« — » : aucune réponse en {ms} ms.', en: '"—": no reply within {ms} ms.' },
  'echo-sizes.died': {
    fr: 'Octets envoyés → octets renvoyés : {lengths}. Le serveur s’est arrêté en route ({status}) : {error}',
    en: 'Bytes sent → bytes echoed: {lengths}. The server stopped on the way ({status}): {error}',
  },
  'echo-binary.ok': {
    fr: 'Les {count} octets de 0x00 à 0xff sont revenus inchangés.',
    en: 'The {count} bytes 0x00 to 0xff came back unchanged.',
  },
  'echo-binary.changed': {
    fr: 'Les {count} octets de 0x00 à 0xff sont revenus modifiés ({got} octets reçus) : renvoyez les octets tels que recvfrom les donne, sans decode() ni encode().',
    en: 'The {count} bytes 0x00 to 0xff came back changed ({got} bytes received): send back the bytes recvfrom gave, without decode() or encode().',
  },
  'echo-binary.died': {
    fr: 'Le serveur s’est arrêté en recevant des octets qui ne sont pas du texte UTF-8 ({status}) : {error}',
    en: 'The server stopped on receiving bytes that are not UTF-8 text ({status}): {error}',
  },
  'echo-binary.exited': {
    fr: 'Le serveur s’est arrêté en recevant des octets qui ne sont pas du texte UTF-8 ({status}).',
    en: 'The server stopped on receiving bytes that are not UTF-8 text ({status}).',
  },
  'echo-binary.none': {
    fr: 'Aucune réponse en {ms} ms aux {count} octets de 0x00 à 0xff.',
    en: 'No reply within {ms} ms to the {count} bytes 0x00 to 0xff.',
  },
  'many-clients.crossed': {
    fr: 'Le client {to} a reçu un datagramme envoyé par le client {from} : répondez à l’adresse que recvfrom a donnée avec ce datagramme.',
    en: 'Client {to} received a datagram that client {from} sent: reply to the address recvfrom gave with that datagram.',
  },
  'many-clients.died': {
    fr: 'Réponses reçues par client : {counts} (attendu : {each} chacun) ; le serveur s’est arrêté en route ({status}) : {error}',
    en: 'Replies received per client: {counts} (expected {each} each); the server stopped on the way ({status}): {error}',
  },
  'stops-cleanly.ok': {
    fr: 'Après Ctrl+C, le serveur a affiché {line} et s’est terminé avec le code 0{again}.',
    en: 'After Ctrl+C the server printed {line} and exited with code 0{again}.',
  },
  'stops-cleanly.again': {
    fr: ' (second lancement : le premier s’était arrêté pendant les essais)',
    en: ' (on a second run: the first one had stopped during the earlier checks)',
  },
  'stops-cleanly.traceback': {
    fr: 'Ctrl+C a arrêté le serveur sur une trace d’erreur KeyboardInterrupt non interceptée ({status}){again} : interceptez KeyboardInterrupt, affichez {line}, fermez la socket et laissez le programme se terminer normalement.',
    en: 'Ctrl+C ended the server with an uncaught KeyboardInterrupt traceback ({status}){again}: catch KeyboardInterrupt, print {line}, close the socket and let the program end normally.',
  },
  'stops-cleanly.crashed': {
    fr: 'Après Ctrl+C, le serveur s’est arrêté sur une erreur ({status}){again} : {error}',
    en: 'After Ctrl+C the server stopped on an error ({status}){again}: {error}',
  },
  'stops-cleanly.no-stop-line': {
    fr: 'Après Ctrl+C, le serveur s’est terminé avec le code 0 sans afficher {line}{again}.',
    en: 'After Ctrl+C the server exited with code 0 without printing {line}{again}.',
  },
  'stops-cleanly.exit-status': {
    fr: 'Après Ctrl+C, le serveur a affiché {line} mais s’est terminé ({status}) au lieu de sortir avec le code 0{again}.',
    en: 'After Ctrl+C the server printed {line} but ended ({status}) instead of exiting with code 0{again}.',
  },
  'stops-cleanly.wrong-exit': {
    fr: 'Après Ctrl+C, le serveur s’est terminé ({status}) sans afficher {line}{again}.',
    en: 'After Ctrl+C the server ended ({status}) without printing {line}{again}.',
  },
  'stops-cleanly.ignored': {
    fr: 'Toujours en marche {seconds} s après Ctrl+C{again} : le programme a été tué.',
    en: 'Still running {seconds} s after Ctrl+C{again}: the program was killed.',
  },
  'stops-cleanly.already-dead': {
    fr: 'Le serveur s’était déjà arrêté avant Ctrl+C ({status}){again}.',
    en: 'The server had already stopped before Ctrl+C ({status}){again}.',
  },
  'stops-cleanly.no-relaunch': {
    fr: 'Le serveur s’était arrêté pendant les essais, et un second lancement n’a lié aucune socket : {why}',
    en: 'The server had stopped during the earlier checks, and a second run bound no socket: {why}',
  },
  'skipped.server-stopped': {
    fr: 'Non vérifié : le serveur s’était arrêté ({status}) après un essai précédent ; il doit continuer à répondre, dans sa boucle, jusqu’à Ctrl+C.',
    en: 'Not checked: the server had stopped ({status}) after an earlier check; it must keep answering, in its loop, until Ctrl+C.',
  },

  'fault.not-graded': {
    fr: 'Non corrigé : erreur du correcteur ({fault}).',
    en: 'Not graded: grader fault ({fault}).',
  },

  'difference.trailing-newline': {
    fr: 'Différence : « {extra} » en trop à la fin.',
    en: 'Difference: an extra "{extra}" at the end.',
  },
  'difference.extra-at-end': { fr: 'Différence : {extra} en trop à la fin.', en: 'Difference: {extra} too many at the end.' },
  'difference.spaces': { fr: 'Différence : des espaces en trop autour du texte.', en: 'Difference: extra spaces around the text.' },
  'difference.bytes-repr': {
    fr: 'Différence : c’est str(b"…") qui a été envoyé ; envoyez les octets eux-mêmes (b"…" ou "…".encode()).',
    en: 'Difference: str(b"…") was sent; send the bytes themselves (b"…" or "…".encode()).',
  },
  'difference.case': { fr: 'Différence : majuscules et minuscules.', en: 'Difference: upper and lower case.' },
  'difference.empty': { fr: 'Différence : le datagramme reçu est vide.', en: 'Difference: the datagram received is empty.' },
  'difference.truncated': {
    fr: 'Différence : seulement {got} octets sur {expected}.',
    en: 'Difference: only {got} of {expected} bytes.',
  },
  'difference.at-byte': { fr: 'Différence : à partir de l’octet {index}.', en: 'Difference: from byte {index} on.' },

  'feedback.passed': { fr: 'Réussie.', en: 'Passed.' },
  'feedback.none': {
    fr: 'Échec (le détail de cette vérification n’est pas communiqué).',
    en: 'Failed (the details of this check are not shown).',
  },
  'feedback.actual-only': {
    fr: 'Échec : voici ce que votre programme a envoyé (l’attendu n’est pas communiqué).',
    en: 'Failed: here is what your program sent (what was expected is not shown).',
  },

  'input.path-not-found': {
    fr: '{path} n’existe pas : vérifiez le chemin, ou lancez la commande depuis le dossier qui le contient.',
    en: '{path} does not exist: check the path, or run from the folder that holds it.',
  },
  'input.nothing-to-grade': {
    fr: 'Rien à corriger dans {paths} : donnez un dossier d’étudiant, un dossier de dossiers d’étudiants, ou un fichier .py.',
    en: 'Nothing to grade in {paths}: give a student folder, a folder of student folders, or a .py file.',
  },
  'input.ambiguous-rubric': {
    fr: 'Plusieurs grilles demandent {entry} ({rubrics}) : choisissez-en une avec --rubric.',
    en: 'Several rubrics ask for {entry} ({rubrics}): choose one with --rubric.',
  },
  'input.unknown-rubric': {
    fr: 'Grille « {rubric} » inconnue : passez à --rubric l’une de {known}, ou le chemin d’un fichier de grille.',
    en: 'Unknown rubric "{rubric}": pass --rubric with one of {known}, or the path of a rubric file.',
  },
  'input.unreadable-rubric': {
    fr: 'Le fichier de grille {file} est illisible : vérifiez le chemin donné à --rubric.',
    en: 'Rubric file {file} cannot be read: check the path given to --rubric.',
  },
  'input.invalid-rubric': {
    fr: 'Grille invalide {file} : {problems}. Corrigez le fichier et relancez.',
    en: 'Invalid rubric {file}: {problems}. Fix the file and run again.',
  },
  'input.no-python': {
    fr: 'Aucun Python 3 trouvé (essayé : « {command} ») : installez Python 3, ou passez à --python le chemin d’un python3.',
    en: 'No Python 3 found (tried "{command}"): install Python 3, or pass --python with the path of a python3 binary.',
  },
  'input.no-sandbox': {
    fr: '--sandbox on, mais {reason} : {hint}, ou utilisez --sandbox off.',
    en: '--sandbox on, but {reason}: {hint}, or use --sandbox off.',
  },
  'input.sandbox-hint': {
    fr: 'installez bubblewrap et util-linux (Debian/Ubuntu : apt install bubblewrap)',
    en: 'install bubblewrap and util-linux (Debian/Ubuntu: apt install bubblewrap)',
  },

  'input.bad-shard': {
    fr: '--shard {shard} : écrivez i/n avec 1 ≤ i ≤ n, par exemple --shard 2/4.',
    en: '--shard {shard}: write i/n with 1 ≤ i ≤ n, for example --shard 2/4.',
  },
  'input.no-run-state': {
    fr: '{dir} ne contient pas d’état de correction ({file}) : donnez à « grade merge » les dossiers --out des corrections partielles.',
    en: '{dir} holds no grading state ({file}): give "grade merge" the --out folders of the sharded runs.',
  },
  'input.merge-mismatch': {
    fr: 'Impossible de fusionner {dir} : {what} diffère des autres dossiers ; fusionnez des corrections faites avec la même grille et la même langue.',
    en: 'Cannot merge {dir}: its {what} differs from the other folders; merge runs made with the same rubric and language.',
  },
  'input.merge-duplicate': {
    fr: 'Le rendu « {id} » apparaît dans plusieurs dossiers à fusionner : chaque rendu ne doit être corrigé que dans un seul lot (--shard).',
    en: 'Submission "{id}" appears in several folders to merge: each submission must be graded in one shard only (--shard).',
  },

  'input.unknown-format': {
    fr: 'Format inconnu « {format} » dans --format : donnez une liste séparée par des virgules parmi {formats}, ou all.',
    en: 'Unknown format "{format}" in --format: give a comma-separated list of {formats}, or all.',
  },

  'terminal.unsandboxed': {
    fr: 'Attention : pas de bac à sable ({reason}). Les programmes tournent avec vos droits, voient tout le système et le réseau, sans limite de processus. Pour l’activer : {hint}.',
    en: 'Warning: no sandbox ({reason}). Programs run with your rights, see the whole system and the network, with no process limit. To enable it: {hint}.',
  },
  'terminal.graded': {
    fr: '{count} rendu(s) corrigé(s) en {seconds} s, moyenne {mean}.',
    en: '{count} submission(s) graded in {seconds} s, mean {mean}.',
  },
  'terminal.reused': { fr: '(inchangé, résultat repris)', en: '(unchanged, result reused)' },
  'terminal.status-start': { fr: '{done}/{total} corrigés…', en: '{done}/{total} graded…' },
  'terminal.status': {
    fr: '{done}/{total} corrigés · {below} sous la note maximale · encore ~{seconds} s',
    en: '{done}/{total} graded · {below} below full marks · ~{seconds} s left',
  },
  'terminal.reports': { fr: 'Rapports : {path}', en: 'Reports: {path}' },
  'terminal.fault': { fr: 'Erreur du correcteur ({id}) : {fault}', en: 'Grader fault ({id}): {fault}' },
  'terminal.interrupted': {
    fr: 'Correction interrompue : rapports partiels écrits.',
    en: 'Grading interrupted: partial reports written.',
  },

  'status.code': { fr: 'code de sortie {code}', en: 'exit code {code}' },
  'status.signal': { fr: 'tué par {signal}', en: 'killed by {signal}' },
  'error.at-line': { fr: '{summary} (ligne {line})', en: '{summary} (line {line})' },
  'bytes.nothing': { fr: 'rien', en: 'nothing' },

  ...udpRttClientMessages,
  ...tcpServerMessages,
  ...tcpClientMessages,
  ...httpServerMessages,
} as const satisfies Record<string, { fr: string; en: string }>;

export type MessageKey = keyof typeof catalog;

// One sentence in both languages. The bundled grader reads them from a table made of this catalog at build time, on
// first use (scripts/bundle.mjs): evaluating the object above costs ~1.5 ms at each start, parsing the table ~0.4.
export function sentence(key: MessageKey): { readonly fr: string; readonly en: string } {
  return catalog[key];
}
