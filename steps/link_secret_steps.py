"""The link's secret examined as an attacker would, outages followed through, time all year."""
