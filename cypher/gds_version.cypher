// name: gds_version
// mode: gds
// The installed Graph Data Science version (Neo4j with GDS only): checked before the gds engine
// runs, so a missing plugin gives one clear line instead of a failed projection.
// params:
RETURN gds.version() AS gds
