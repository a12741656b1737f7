"""`python -m kg` runs the `kg` command."""
from kg.cli import run

if __name__ == "__main__":  # not when a worker process (kg.building.parallel) imports it
    run()
