"""Keep the stored search text (and on PostgreSQL the tsvector) of a row current.

post_save also fires for fixtures (raw saves), so loaded data is searchable.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Paper, Statement
from .search import update_paper_index, update_statement_index


@receiver(post_save, sender=Statement, dispatch_uid="statements_index_statement")
def index_statement(sender, instance, **kwargs):
    update_statement_index(instance)


@receiver(post_save, sender=Paper, dispatch_uid="statements_index_paper")
def index_paper(sender, instance, **kwargs):
    update_paper_index(instance)
