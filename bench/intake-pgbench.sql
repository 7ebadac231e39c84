-- pgbench script for bench/intake.sh: one single-row INSERT of about 1.5 KB of bytea (like an encrypted
-- referral), in its own transaction.
\set r random(1, 2000000000)
INSERT INTO bench_row (k, payload) VALUES (:r, decode(repeat(md5(:r::text), 94), 'hex'));
