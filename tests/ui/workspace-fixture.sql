-- workspace-fixture.sql — the affaires the workspace tests look at (run as superuser)
--
-- CPAM-40 with two instructeurs, a médecin-conseil; 240 affaires of both kinds
-- in various statuses, received over the last 40 days (so some are overdue),
-- and one affaire of another organisme that nobody here may see.

INSERT INTO organisme (code, name, letterhead) VALUES
  ('CPAM-40', 'CPAM des Landes', E'CPAM des Landes\n1 rue Victor Hugo\n40000 Mont-de-Marsan'),
  ('CNSE', 'Centre national des soins à l''étranger', E'CNSE\nBP 90400\n56009 Vannes Cedex')
ON CONFLICT (code) DO NOTHING;

SELECT ins_create_agent('ui_marie', 'Marie Dupont', 'instructeur', 'CPAM-40');
SELECT ins_create_agent('ui_paul', 'Paul Martin', 'instructeur', 'CPAM-40');
SELECT ins_create_agent('ui_claire', 'Claire Morel', 'medecin_conseil', 'CPAM-40');
SELECT ins_create_agent('ui_yann', 'Yann Le Gall', 'instructeur', 'CNSE');

CREATE TEMP TABLE fx AS
SELECT i,
       CASE WHEN i % 4 = 0 THEN 'chevauchement_oc' ELSE 'soins_etranger' END::affaire_kind AS kind,
       CASE
         WHEN i <= 200 THEN 'recue'
         WHEN i <= 210 THEN 'en_cours'
         WHEN i <= 215 THEN 'avis_medical_demande'
         WHEN i <= 225 THEN 'cloturee'
         WHEN i <= 230 THEN 'en_attente_pieces'
         WHEN i <= 235 THEN 'acceptee'
         ELSE 'non_exploitable'
       END::affaire_status AS status,
       (ARRAY['Durand','Lefebvre','Moreau','Garcia','Roux','Fournier','Girard','Bonnet'])[1 + i % 8] AS nom,
       (ARRAY['Julie','Thomas','Camille','Nicolas','Léa','Hugo','Chloé','Lucas','Emma','Louis'])[1 + i % 10] AS prenom,
       (ARRAY['JP','US','ES','DE','MA','PF','CH','GB'])[1 + i % 8] AS country,
       (ARRAY['JPY','USD','EUR','EUR','MAD','XPF','CHF','GBP'])[1 + i % 8] AS currency,
       now() - make_interval(hours => i * 4) AS received_at,
       '1' || lpad((80 + i % 20)::text, 2, '0') || '0540' || lpad(i::text, 6, '0') AS nir13
  FROM generate_series(1, 240) AS i;

INSERT INTO assure (nir, nom, prenom, birth_date, address)
SELECT nir13 || lpad((97 - (nir13::bigint % 97))::text, 2, '0'), nom, prenom,
       make_date(1980 + i % 20, 1 + i % 12, 1 + i % 28),
       E'12 rue des Pins\n40000 Mont-de-Marsan'
  FROM fx;

INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id, received_at, due_at,
                     priority, assignee_id, lease_until, nir, nom, prenom, beneficiaire, country, oc_label,
                     amount_minor, currency, excluded, exclusion_reason, non_exploitable_reason,
                     sla_paused_since, closed_at)
SELECT CASE WHEN fx.kind = 'soins_etranger' THEN 'SE' ELSE 'OC' END || '-2026-' || lpad(fx.i::text, 7, '0'),
       'sub-ui-' || fx.i,
       fx.kind, fx.status,
       (SELECT id FROM organisme WHERE code = 'CPAM-40'),
       s.id, fx.received_at,
       fx.received_at + CASE WHEN fx.kind = 'soins_etranger' THEN interval '28 days' ELSE interval '7 days' END,
       CASE WHEN fx.i = 1 THEN 1 ELSE 0 END,
       CASE WHEN fx.status = 'en_cours' OR fx.status = 'acceptee'
            THEN (SELECT id FROM agent WHERE login = 'ui_paul') END,
       CASE WHEN fx.status = 'en_cours' OR fx.status = 'acceptee' THEN now() + interval '15 minutes' END,
       s.nir, fx.nom, fx.prenom, fx.prenom || ' ' || fx.nom,
       CASE WHEN fx.kind = 'soins_etranger' THEN fx.country END,
       CASE WHEN fx.kind = 'chevauchement_oc' THEN 'Harmonie Mutuelle / MGEN' END,
       CASE WHEN fx.kind = 'soins_etranger' THEN 10000 + fx.i * 137 END,
       CASE WHEN fx.kind = 'soins_etranger' THEN fx.currency END,
       fx.i = 8, CASE WHEN fx.i = 8 THEN '5 bénéficiaires ou plus' END,
       CASE WHEN fx.status = 'non_exploitable' THEN 'pièces illisibles' END,
       CASE WHEN fx.status IN ('avis_medical_demande', 'en_attente_pieces') THEN now() - interval '1 day' END,
       CASE WHEN fx.status = 'cloturee' THEN now() END
  FROM fx JOIN assure s ON s.nir = fx.nir13 || lpad((97 - (fx.nir13::bigint % 97))::text, 2, '0');

INSERT INTO soins_etranger (affaire_id, ouvreur_birth_date, nationality, situation, beneficiaire_is_ouvreur,
                            beneficiaire_nom, beneficiaire_prenom, beneficiaire_birth_date, reason, planned,
                            nature, care_from, care_to, stay_from, stay_to, stay_motif, hospitalisation, certified)
SELECT a.id, s.birth_date, 'francaise', 'salarie', true, a.nom, a.prenom, s.birth_date,
       'Consultation et traitement pendant le séjour', fx.i % 3 = 1, 'maladie',
       '2026-03-02', '2026-03-05', '2026-02-25',
       CASE WHEN fx.i % 5 = 2 THEN date '2026-03-03' ELSE date '2026-03-20' END,
       CASE WHEN fx.i % 7 = 3 THEN 'detachement' ELSE 'tourisme' END, false, true
  FROM affaire a JOIN assure s ON s.id = a.assure_id JOIN fx ON a.submission_id = 'sub-ui-' || fx.i
 WHERE a.kind = 'soins_etranger';

INSERT INTO oc_beneficiaire (affaire_id, rank, nom, prenom, birth_date, oc1_name, oc1_member, oc1_start,
                             oc2_name, oc2_member, oc2_start, chosen, precarity)
SELECT a.id, r, a.nom, (ARRAY['Alice','Jules','Inès','Paul','Rose'])[r], make_date(2010 + r, r, 10 + r),
       'Harmonie Mutuelle', 'HM-' || a.id || '-' || r, '2021-01-01',
       'MGEN', 'MG-' || a.id || '-' || r, '2025-09-01',
       1 + (a.id + r) % 2, false
  FROM affaire a JOIN fx ON a.submission_id = 'sub-ui-' || fx.i,
       generate_series(1, CASE WHEN fx.i = 8 THEN 5 ELSE 1 + fx.i % 2 END) AS r
 WHERE a.kind = 'chevauchement_oc';

INSERT INTO avis_medical (affaire_id, requested_by, question)
SELECT a.id, (SELECT id FROM agent WHERE login = 'ui_paul'), 'Les soins étaient-ils urgents ?'
  FROM affaire a WHERE a.status = 'avis_medical_demande';

INSERT INTO history (affaire_id, at, agent_id, action, from_status, to_status, comment)
SELECT a.id, a.received_at, NULL, 'import', NULL, 'recue', ''
  FROM affaire a;

-- Somewhere else: CNSE's affaire, invisible to CPAM-40's agents.
INSERT INTO assure (nir, nom, prenom, birth_date) VALUES ('184054000999907', 'Ailleurs', 'Anne', '1984-05-01');
INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id, received_at, due_at,
                     nir, nom, prenom, beneficiaire, country, amount_minor, currency)
SELECT 'SE-2026-0009999', 'sub-ui-cnse', 'soins_etranger', 'recue', o.id, s.id, now(), now() + interval '28 days',
       s.nir, s.nom, s.prenom, 'Anne Ailleurs', 'JP', 5000, 'JPY'
  FROM organisme o, assure s WHERE o.code = 'CNSE' AND s.nir = '184054000999907';
