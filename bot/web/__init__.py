"""The web process: one FastAPI app with the JSON API, the Gradio chat page and the Slack routes."""
