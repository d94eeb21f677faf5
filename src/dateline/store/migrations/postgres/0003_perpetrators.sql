-- dateline schema 3: attackers who died by their own act, counted apart from the fatalities (issue 3).
ALTER TABLE events ADD COLUMN perpetrators_killed INTEGER;
