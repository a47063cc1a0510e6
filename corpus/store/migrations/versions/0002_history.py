"""Keep every previous version: the history table, and who last changed an article.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("article_version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("snapshot", sa.JSON),
        sa.Column("changed_by", sa.Text),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_history_article", "history", ["article_id"])
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("updated_by", sa.Text))
    # Articles stored before this revision: record who created them as the last changer.
    op.execute("UPDATE articles SET updated_by = created_by")


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("updated_by")
    op.drop_index("ix_history_article", table_name="history")
    op.drop_table("history")
