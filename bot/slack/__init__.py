"""Slack: incoming webhook posts, the signed /factcheck slash command and app mentions answered in thread."""
