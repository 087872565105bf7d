"""`python -m server.signing.worker`: the signing child process (see `produce`)."""

from server.signing.produce import worker_main

if __name__ == "__main__":
    worker_main()
