// The seeded topics live in resources/topics.json, read through the shared module.
export { SEED_TOPICS, TERM_TOPIC, type SeedTopic } from '../../shared/seed-topics'
