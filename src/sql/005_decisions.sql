-- 005_decisions: reserved; filled by the change that brings it.
SELECT 1;
