"""Refuse the same article typed differently: a normalised fingerprint next to the exact text.

`fingerprint` is corpus.textcheck.fingerprint(text) (NFC, CRLF → LF, zero-width characters
dropped, trailing white space stripped). Existing articles are backfilled; when two of them
already share a fingerprint (stored before this check), the first keeps it and the later
ones keep NULL, so the unique index can be built and nothing is deleted.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from corpus.textcheck import fingerprint

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("fingerprint", sa.String(64)))
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.String), sa.column("text", sa.Text),
                        sa.column("created_at", sa.DateTime), sa.column("fingerprint", sa.String))
    ids = conn.execute(sa.select(articles.c.id).order_by(articles.c.created_at, articles.c.id)).scalars().all()
    seen: set[str] = set()
    for article_id in ids:  # one text at a time: a large store is never read whole
        text = conn.execute(sa.select(articles.c.text).where(articles.c.id == article_id)).scalar_one()
        value = fingerprint(text)
        if value not in seen:
            seen.add(value)
            conn.execute(sa.update(articles).where(articles.c.id == article_id).values(fingerprint=value))
    op.create_index("ix_articles_fingerprint", "articles", ["fingerprint"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_articles_fingerprint", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("fingerprint")
