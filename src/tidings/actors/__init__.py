"""Actors: the knowledge base and the resolver that codes every actor mention in an article."""

from tidings.actors.kb import KnowledgeBase, load_knowledge_base
from tidings.actors.resolve import resolve_actors

__all__ = ["KnowledgeBase", "load_knowledge_base", "resolve_actors"]
