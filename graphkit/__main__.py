from graphkit.cli import app

app(prog_name="blocs")
