/**
 * The benchmark's peer: @neo4j/graphql serving the same database from a type definition of
 * Concept and REQUIRES (a dev dependency of the benchmark only). Run as its own process by
 * bench/run.ts: `tsx bench/peer-neo4j-graphql.ts PORT`.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { loadConfig } from "../src/config.js";

const typeDefs = /* GraphQL */ `
  type Concept @node {
    id: ID!
    name: String!
    prerequisites: [Concept!]! @relationship(type: "REQUIRES", direction: OUT)
  }
`;

const config = loadConfig();
const driver = neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const port = Number(process.argv[2] ?? 4556);
await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
process.stderr.write(`@neo4j/graphql peer on http://127.0.0.1:${port}/\n`);
process.on("SIGTERM", () => {
  void server.stop().then(() => driver.close()).then(() => process.exit(0));
});
