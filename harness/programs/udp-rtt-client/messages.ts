// The sentences of the RTT client's checks, spread into the catalogue (harness/messages/catalog.ts).
export const udpRttClientMessages = {
  'rtt.pings.ok': {
    fr: 'Les {count} pings sont arrivés au serveur, chacun avec son numéro.',
    en: 'The {count} pings reached the server, each with its own number.',
  },
  'rtt.pings.until-loss': {
    fr: 'Les {sent} pings envoyés avant que le client ne s’arrête sur un écho perdu sont arrivés au serveur, chacun avec son numéro (le sujet en demande {count} : voir la vérification des pertes).',
    en: 'The {sent} pings sent before the client stopped at a lost echo reached the server, each with its own number (the handout asks for {count}: see the loss check).',
  },
  'rtt.pings.count': {
    fr: '{sent} pings sont arrivés au serveur au lieu de {count}.',
    en: '{sent} pings reached the server instead of {count}.',
  },
  'rtt.pings.same': {
    fr: 'Les pings {first} et {second} sont identiques ({payload}) : chaque ping doit porter son numéro, par exemple f"ping {i}".',
    en: 'Pings {first} and {second} are identical ({payload}): each ping must carry its number, e.g. f"ping {i}".',
  },
  'rtt.pings.unnumbered': {
    fr: 'Le ping {ping} ({payload}) ne contient pas son numéro {ping} : chaque ping doit porter son numéro de séquence.',
    en: 'Ping {ping} ({payload}) does not contain its number {ping}: each ping must carry its sequence number.',
  },

  'rtt.loss.ok': {
    fr: 'Après chaque écho perdu (pings {pings}), le client a attendu environ {seconds} s puis envoyé le ping suivant.',
    en: 'After each lost echo (pings {pings}), the client waited about {seconds} s, then sent the next ping.',
  },
  'rtt.loss.hangs': {
    fr: 'L’écho du ping {ping} a été perdu exprès : le client l’attendait encore {seconds} s plus tard et a été arrêté. Sans délai d’attente, recvfrom attend pour toujours.',
    en: 'The echo of ping {ping} was lost on purpose: the client was still waiting for it {seconds} s later and was stopped. Without a timeout, recvfrom waits forever.',
  },
  'rtt.loss.crashed': {
    fr: 'L’écho du ping {ping} a été perdu exprès, et le programme s’est arrêté ({status}) : {error}',
    en: 'The echo of ping {ping} was lost on purpose, and the program stopped ({status}): {error}',
  },
  'rtt.loss.gave-up': {
    fr: 'L’écho du ping {ping} a été perdu exprès, et le client s’est terminé ({status}) sans envoyer les pings suivants : comptez la perte et continuez.',
    en: 'The echo of ping {ping} was lost on purpose, and the client ended ({status}) without sending the next pings: count the loss and go on.',
  },
  'rtt.loss.too-early': {
    fr: 'L’écho du ping {ping} a été perdu exprès : le client est passé au ping suivant en moins de {bound} s ; le sujet demande d’attendre {expected} s.',
    en: 'The echo of ping {ping} was lost on purpose: the client moved on to the next ping in less than {bound} s; the handout asks to wait {expected} s.',
  },
  'rtt.loss.too-late': {
    fr: 'L’écho du ping {ping} a été perdu exprès : le client a attendu plus de {bound} s avant le ping suivant ; le sujet demande d’attendre {expected} s.',
    en: 'The echo of ping {ping} was lost on purpose: the client waited more than {bound} s before the next ping; the handout asks to wait {expected} s.',
  },
  'rtt.loss.none-reached': {
    fr: 'Non vérifié : le client s’est arrêté avant le ping {ping}, le premier dont l’écho est perdu.',
    en: 'Not checked: the client stopped before ping {ping}, the first whose echo is lost.',
  },

  'rtt.counts.ok': {
    fr: 'Le bilan est exact : {sent} envoyés, {received} reçus, {lost} perdus.',
    en: 'The summary is right: {sent} sent, {received} received, {lost} lost.',
  },
  'rtt.counts.wrong': {
    fr: 'Le bilan affiche {printed} ; le serveur a perdu exprès les échos des pings {dropped}, donc attendu : {expected}.',
    en: 'The summary shows {printed}; the server lost the echoes of pings {dropped} on purpose, so expected: {expected}.',
  },
  'rtt.counts.percent': {
    fr: 'Les nombres sont exacts, mais le pourcentage de pertes affiché est {printed} % au lieu de {expected} %.',
    en: 'The counts are right, but the loss percentage shows {printed}% instead of {expected}%.',
  },
  'rtt.summary.missing': {
    fr: 'La sortie n’a pas de ligne de bilan {labels} suivie d’un nombre.',
    en: 'The output has no summary line {labels} followed by a number.',
  },

  'rtt.rtt.ok': {
    fr: 'Les RTT min/moy/max correspondent aux délais imposés (environ {expected} ms).',
    en: 'RTT min/avg/max match the injected delays (about {expected} ms).',
  },
  'rtt.rtt.missing': {
    fr: 'La sortie n’a pas de ligne {label} suivie de trois nombres (min/moy/max).',
    en: 'The output has no {label} line followed by three figures (min/avg/max).',
  },
  'rtt.rtt.wrong': {
    fr: '{label} : {off} hors des valeurs attendues avec les délais imposés, environ {expected} ms (min entre {minRange}, moy entre {avgRange}, max entre {maxRange} ms).{unit}',
    en: '{label}: {off} outside what the injected delays give, about {expected} ms (min within {minRange}, avg within {avgRange}, max within {maxRange} ms).{unit}',
  },
  'rtt.rtt.seconds': {
    fr: ' Ces valeurs sont en secondes : multipliez par 1000 pour des millisecondes.',
    en: ' These figures are in seconds: multiply by 1000 for milliseconds.',
  },
  'rtt.rtt.microseconds': {
    fr: ' Ces valeurs sont en microsecondes : divisez par 1000 pour des millisecondes.',
    en: ' These figures are in microseconds: divide by 1000 for milliseconds.',
  },

  'rtt.finishes.ok': {
    fr: 'Le client se termine avec le code 0 après son dernier ping.',
    en: 'The client exits with code 0 after its last ping.',
  },
  'rtt.finishes.crashed': {
    fr: 'Le client s’est arrêté sur une erreur ({status}) : {error}',
    en: 'The client stopped on an error ({status}): {error}',
  },
  'rtt.finishes.status': {
    fr: 'Le client s’est terminé ({status}) au lieu de sortir avec le code 0.',
    en: 'The client ended ({status}) instead of exiting with code 0.',
  },
  'rtt.finishes.stalled': {
    fr: 'Après le ping {ping}, le client n’envoyait plus rien et tournait encore {seconds} s plus tard : il a été arrêté.',
    en: 'After ping {ping} the client sent nothing more and was still running {seconds} s later: it was stopped.',
  },
  'rtt.finishes.overtime': {
    fr: 'Le client tournait encore {seconds} s après son premier ping : il a été arrêté.',
    en: 'The client was still running {seconds} s after its first ping: it was stopped.',
  },

  'rtt.late.ok': {
    fr: 'Lors d’un second lancement, l’écho du ping {late}, revenu après le délai d’attente, n’a pas été pris pour la réponse au ping {next} : le bilan affiche « {label} {lost} », comme attendu.',
    en: 'In a second run, the echo of ping {late}, back after the timeout, was not taken for the reply to ping {next}: the summary shows "{label} {lost}", as expected.',
  },
  'rtt.late.taken': {
    fr: 'Lors d’un second lancement, l’écho du ping {late} est revenu après le délai d’attente, juste après l’envoi du ping {next} : le client l’a pris pour la réponse au ping {next}, et son bilan affiche « {label} {printed} » au lieu de « {label} {expected} ». Vérifiez que l’écho reçu est bien celui du ping envoyé (comparez les octets ou le numéro) ; sinon, ignorez-le et attendez encore.',
    en: 'In a second run, the echo of ping {late} came back after the timeout, just after ping {next} was sent: the client took it for the reply to ping {next}, and its summary shows "{label} {printed}" instead of "{label} {expected}". Check that the echo received is the one of the ping just sent (compare the bytes or the number); otherwise ignore it and wait again.',
  },
  'rtt.late.wrong': {
    fr: 'Lors d’un second lancement (écho du ping {late} en retard, ping {dropped} perdu), le bilan affiche « {label} {printed} » au lieu de « {label} {expected} ».',
    en: 'In a second run (a late echo for ping {late}, ping {dropped} lost), the summary shows "{label} {printed}" instead of "{label} {expected}".',
  },
  'rtt.late.stopped': {
    fr: 'Lors d’un second lancement (écho du ping {late} en retard), le client ne s’est pas terminé normalement : {why}',
    en: 'In a second run (a late echo for ping {late}), the client did not end normally: {why}',
  },
  'rtt.late.no-count': {
    fr: 'Non vérifié : le second lancement n’affiche pas de ligne {label} suivie d’un nombre.',
    en: 'Not checked: the second run prints no {label} line followed by a number.',
  },
  'rtt.late.not-run': {
    fr: 'Non vérifié : le premier lancement ne s’est pas terminé normalement (code 0).',
    en: 'Not checked: the first run did not end normally (exit code 0).',
  },
  'rtt.late.not-configured': {
    fr: 'Non vérifié : la grille ne décrit pas de second lancement (program.lateEcho).',
    en: 'Not checked: the rubric describes no second run (program.lateEcho).',
  },

  'rtt.skipped.stopped-at-loss': {
    fr: 'Non vérifié : le client s’est arrêté sur l’écho perdu du ping {ping} (voir la vérification des pertes).',
    en: 'Not checked: the client stopped at the lost echo of ping {ping} (see the loss check).',
  },
} as const satisfies Record<string, { fr: string; en: string }>;
