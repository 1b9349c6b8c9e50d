"""The suite's command-line options (each with its environment variable)."""

import os

from mails.mailbox import DEFAULT_MAIL_TIMEOUT_SECONDS


def pytest_addoption(parser):
    group = parser.getgroup("mot-de-passe-oublie", "Parcours « Mot de passe oublié »")
    group.addoption("--mailpit-url", default=os.environ.get("MAILPIT_URL"),
                    help="Mailpit à lire (défaut : $MAILPIT_URL, sinon `mailpit` sur le PATH, sinon .tools/bin/mailpit, sinon le capteur embarqué).")
    group.addoption("--mailpit-smtp", default=os.environ.get("MAILPIT_SMTP"), metavar="HÔTE:PORT",
                    help="SMTP du Mailpit donné, pour y brancher le site simulé (défaut : hôte de --mailpit-url, port 1025).")
    group.addoption("--mailpit-chaos-url", default=os.environ.get("MAILPIT_CHAOS_URL"),
                    help="Contre une cible donnée (--base-url) : le Mailpit démarré avec chaos (--enable-chaos) à qui "
                         "cette cible seule envoie ses mails, pour les scénarios @panne-messagerie "
                         "(défaut : $MAILPIT_CHAOS_URL ; sans lui, ils sont ignorés).")
    group.addoption("--mail-timeout", type=float,
                    default=float(os.environ.get("MAIL_TIMEOUT", DEFAULT_MAIL_TIMEOUT_SECONDS)),
                    help=f"Délai maximal d'attente d'un mail, en secondes (défaut : {DEFAULT_MAIL_TIMEOUT_SECONDS:g}).")
    group.addoption("--no-mail-window", type=float, default=os.environ.get("NO_MAIL_WINDOW"),
                    help="Temps laissé, après chaque scénario, à un mail en retard : la fin de la recette "
                         "revérifie les boîtes des scénarios (défaut : le délai d'attente d'un mail, --mail-timeout).")
    group.addoption("--staging-config", default=os.environ.get("STAGING_CONFIG"), metavar="FICHIER.json",
                    help="Comptes existants et réponse fixe du captcha, pour une cible sans API de test "
                         "(sans -n, ou -n 1 : ses comptes sont partagés).")
    group.addoption("--browser-server", default=os.environ.get("BROWSER_SERVER"), metavar="ws://HÔTE:PORT/",
                    help="Lancer les navigateurs des scénarios sur ce serveur Playwright (`playwright run-server`) "
                         "plutôt qu'ici (défaut : $BROWSER_SERVER ; client et serveur de même version).")
    group.addoption("--browser-server-chromium", default=os.environ.get("BROWSER_SERVER_CHROMIUM"), metavar="CHEMIN",
                    help="Avec --browser-server : le Chromium à lancer sur l'hôte du serveur "
                         "(défaut : $BROWSER_SERVER_CHROMIUM, sinon celui du serveur Playwright).")
    group.addoption("--browser-server-expose-network", default=os.environ.get("BROWSER_SERVER_EXPOSE_NETWORK"),
                    metavar="RÈGLES",
                    help="Avec --browser-server : les adresses que le navigateur distant joint à travers cette machine, "
                         "par exemple « <loopback> » pour une cible sur sa boucle locale (expose_network de Playwright).")
    group.addoption("--accepter-ignores", action="store_true", default=False,
                    help="Contre une cible donnée, accepter une recette incomplète (des scénarios ignorés) : "
                         "sans cette option, le code de sortie est alors non nul.")
