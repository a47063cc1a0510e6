# Self-hosting the Algeria–Mali Relations Atlas. It listens on all interfaces, so adding and editing
# articles needs curator credentials in secrets (docs/SECURITY.md):
#   docker build -t atlas . && docker run -p 8501:8501 -v atlas-state:/state \
#     -v "$PWD/secrets.toml:/app/.streamlit/secrets.toml:ro" atlas
# Set ATLAS_DATABASE_URL=postgresql+psycopg://… to share one PostgreSQL between replicas.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    ATLAS_STATE_DIR=/state MALLOC_ARENA_MAX=2 \
    STREAMLIT_SERVER_HEADLESS=true STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --create-home atlas && mkdir -p /state && chown atlas /state
USER atlas
VOLUME ["/state"]
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
