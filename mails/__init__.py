"""The mailbox side: the Mailpit client, the Mail model, THE one bounded wait for mail
(mailbox.py), what a person checks in a mail, the person's inbox, and the choice or start
of a Mailpit (mailpit_choice.py)."""
