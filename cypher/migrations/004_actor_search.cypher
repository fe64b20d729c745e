// Full-text search over names, aliases (kept joined in aliasText) and descriptions.
// The standard analyser folds case; fuzzy terms (name~) give typo tolerance at query time.
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
