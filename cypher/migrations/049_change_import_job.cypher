// The changes a large import was written in carry its job's id, so that an import that
// failed or whose server stopped halfway can find and remove every part it wrote.
CREATE INDEX change_import_job IF NOT EXISTS FOR (n:Change) ON (n.importJob);
