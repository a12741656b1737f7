"""`python -m kg` runs the `kg` command."""
from kg.cli import run

if __name__ == "__main__":  # not when a worker process (kg.parallel) imports it
    run()
