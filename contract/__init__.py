"""The target contract (shared/contract/) as the suite reads it: its visible wording and its time zone.
The ground floor: pages, mails, the target side, the accessibility checks and the report import it;
it imports none of them."""
