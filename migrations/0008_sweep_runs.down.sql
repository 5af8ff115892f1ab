DROP TABLE sweep_runs;
