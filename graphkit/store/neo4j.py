"""The Neo4j store: every write in one explicit transaction."""

from __future__ import annotations

from graphkit.errors import QueryError, StoreUnavailable
from graphkit.store import Store, _plain
from graphkit.store.queries import NamedQuery, get_query
from graphkit.textsafe import printable


def redact_uri(uri: str) -> str:
    """The URI as it may be printed: a password in it (`bolt://user:secret@host`) hidden."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return printable(uri)
    authority, slash, path = rest.partition("/")
    userinfo, at, host = authority.rpartition("@")
    if at:
        user = userinfo.split(":", 1)[0]
        authority = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
    return printable(f"{scheme}://{authority}{slash}{path}")


class Neo4jStore(Store):
    backend = "Neo4j"
    supports_gds = True  # checked per call by graphkit.store.gds.check_gds

    def __init__(self, uri: str, user: str, password: str | None, database: str | None = None):
        import neo4j
        from neo4j import GraphDatabase

        shown = redact_uri(uri)
        self.where = shown
        self.database = database
        try:
            # notifications (deprecations, unknown property keys on an empty database) are for
            # query authors; cypher/ is linted with Neo4j's parser in CI instead
            self.driver = GraphDatabase.driver(
                uri, auth=(user, password or ""), notifications_min_severity="OFF"
            )
            self.driver.verify_connectivity()
        except neo4j.exceptions.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {shown} refused the credentials for user '{printable(user)}' "
                "(check NEO4J_USER / NEO4J_PASSWORD)"
            ) from None
        except Exception as exc:  # the driver's text may hold the URI: only its kind is shown
            reason = type(exc).__name__
            raise StoreUnavailable(f"cannot reach Neo4j at {shown} ({reason})") from None
        self._ensure_schema()

    def server_version(self) -> str:
        """The server's agent string, e.g. 'Neo4j/5.26.5' (for status lines and test runs)."""
        return self.driver.get_server_info().agent

    def _ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            for stmt in get_query("schema").statements:
                session.run(stmt)

    def _run(self, query: NamedQuery, params: dict) -> list[dict]:
        try:
            with self.driver.session(database=self.database) as session:
                result = session.run(query.text, params)
                return [{k: _plain(v) for k, v in rec.items()} for rec in result]
        except Exception as exc:
            raise QueryError(f"query '{query.name}' failed: {printable(exc)}") from exc

    def _write(self, steps, progress) -> None:
        with self.driver.session(database=self.database) as session:
            tx = session.begin_transaction()
            try:
                for query, params in steps:
                    tx.run(query.text, params).consume()
                    if progress:
                        progress(1)
                tx.commit()
            except BaseException as exc:
                tx.rollback()
                if isinstance(exc, Exception):
                    raise QueryError(
                        f"write failed, nothing was changed: {printable(exc)}"
                    ) from exc
                raise

    def reset(self) -> None:
        self.write([("reset", {})])

    def close(self) -> None:
        self.driver.close()
