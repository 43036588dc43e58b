-- Teams carry the region they serve and the organisation that guides their
-- trajectories (VDAB, an OCMW, a CAW, a W² partnership…), for the analyst's
-- breakdowns and filters (issue 8). Set with `spiraal team set`.
ALTER TABLE teams ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
