# An expert's hand-written Dockerfile for examples/hello-python, the peer of Parity's in the package benchmark.
# The base image is the one Parity's plan chose (passed as PYTHON_IMAGE), so only the craft of the file differs.
# The app is the standard library only: nothing to install, so no build stage; the source is owned by root
# (read-only to the app), no bytecode written at run time, output unbuffered, a system user without a home.
ARG PYTHON_IMAGE=python:3.12-slim-bookworm

FROM ${PYTHON_IMAGE}
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN useradd --system --uid 10001 --no-create-home app
COPY app.py ./
USER app
EXPOSE 8000
CMD ["python", "app.py"]
