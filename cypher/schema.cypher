// name: schema
// mode: schema
// Neo4j 5 constraints and indexes: stable ids that make MERGE loads idempotent.
// The embedded store (FalkorDB) translates each statement into its own index and constraint
// commands (graphkit/store.py, schema_steps); keep to these two statement forms.
// params:
CREATE CONSTRAINT actor_code IF NOT EXISTS FOR (a:Actor) REQUIRE a.code IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (i:Issue) REQUIRE i.key IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT bloc_id IF NOT EXISTS FOR (b:Bloc) REQUIRE b.id IS UNIQUE;
CREATE INDEX proposal_session IF NOT EXISTS FOR (p:Proposal) ON (p.session);
CREATE INDEX proposal_issue IF NOT EXISTS FOR (p:Proposal) ON (p.issue);
