-- 005-row-security.sql — each agent sees and acts on what is theirs (issue 6)
--
-- People connect with their own login role, member of one of the three
-- groups; the agent row for current_user gives their organisme. The table
-- owner (migrations, seeding) bypasses these policies; the service roles
-- ins_import and ins_relay work across organismes.

CREATE FUNCTION ins_current_agent_id() RETURNS integer
  LANGUAGE sql STABLE AS $$ SELECT id FROM agent WHERE login = current_user AND active $$;
CREATE FUNCTION ins_current_organisme_id() RETURNS smallint
  LANGUAGE sql STABLE AS $$ SELECT organisme_id FROM agent WHERE login = current_user AND active $$;
CREATE FUNCTION ins_current_role() RETURNS agent_role
  LANGUAGE sql STABLE AS $$ SELECT role FROM agent WHERE login = current_user AND active $$;

ALTER TABLE affaire ENABLE ROW LEVEL SECURITY;

-- Instructeurs and superviseurs: the affaires of their organisme.
CREATE POLICY affaire_own_organisme ON affaire
  FOR ALL TO instructeur, superviseur
  USING (organisme_id = ins_current_organisme_id())
  WITH CHECK (organisme_id = ins_current_organisme_id());

-- A transfer moves an affaire out of sight of the one who moves it, which no
-- policy can allow: it goes through this function, which checks that the
-- caller is a superviseur of the affaire's organisme and the version seen.
REVOKE UPDATE (organisme_id) ON affaire FROM superviseur;
CREATE FUNCTION ins_transfer_affaire(p_affaire_id bigint, p_version integer,
                                     p_organisme_code text, p_comment text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_agent agent;
  v_target smallint;
  v_from affaire_status;
  v_version integer;
BEGIN
  SELECT * INTO v_agent FROM agent WHERE login = session_user AND active;
  IF v_agent.id IS NULL OR v_agent.role <> 'superviseur' THEN
    RAISE EXCEPTION 'only a superviseur transfers an affaire' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT id INTO v_target FROM organisme WHERE code = p_organisme_code;
  IF v_target IS NULL THEN
    RAISE EXCEPTION 'unknown organisme' USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT status INTO v_from FROM affaire
   WHERE id = p_affaire_id AND organisme_id = v_agent.organisme_id FOR UPDATE;
  IF v_from IS NULL THEN
    RAISE EXCEPTION 'no such affaire in your organisme' USING ERRCODE = 'no_data_found';
  END IF;
  IF v_from NOT IN ('recue', 'en_cours', 'non_exploitable', 'en_attente_pieces') THEN
    RAISE EXCEPTION 'this affaire cannot be transferred now' USING ERRCODE = 'check_violation';
  END IF;
  UPDATE affaire
     SET organisme_id = v_target, status = 'recue', assignee_id = NULL, lease_until = NULL,
         version = version + 1, updated_at = now()
   WHERE id = p_affaire_id AND version = p_version
  RETURNING version INTO v_version;
  IF v_version IS NULL THEN
    RAISE EXCEPTION 'changed meanwhile' USING ERRCODE = 'serialization_failure';
  END IF;
  INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, comment)
  VALUES (p_affaire_id, v_agent.id, 'transfer', v_from, 'recue',
          coalesce(p_comment, '') || ' → ' || p_organisme_code);
  RETURN v_version;
END $$;
REVOKE ALL ON FUNCTION ins_transfer_affaire(bigint, integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_transfer_affaire(bigint, integer, text, text) TO superviseur;

-- Médecins-conseils: the affaires of their organisme awaiting or having had
-- an opinion. avis_medical's own policy looks back at affaire, so the test
-- runs with the owner's rights to avoid a recursive policy.
CREATE FUNCTION ins_affaire_had_avis(p_affaire_id bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT FROM avis_medical WHERE affaire_id = p_affaire_id)
$$;
REVOKE ALL ON FUNCTION ins_affaire_had_avis(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_affaire_had_avis(bigint) TO medecin_conseil;

CREATE POLICY affaire_medical ON affaire
  FOR ALL TO medecin_conseil
  USING (organisme_id = ins_current_organisme_id()
         AND (status = 'avis_medical_demande' OR ins_affaire_had_avis(id)))
  WITH CHECK (organisme_id = ins_current_organisme_id());

CREATE POLICY affaire_services ON affaire
  FOR ALL TO ins_import, ins_relay USING (true) WITH CHECK (true);

-- Rows hanging off an affaire follow it: the subquery sees only the
-- affaires the policy above lets the current role see.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['soins_etranger', 'oc_beneficiaire', 'attachment', 'history',
                           'avis_medical', 'notification_outbox'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO instructeur, medecin_conseil, superviseur '
                   'USING (EXISTS (SELECT FROM affaire a WHERE a.id = %I.affaire_id)) '
                   'WITH CHECK (EXISTS (SELECT FROM affaire a WHERE a.id = %I.affaire_id))',
                   t || '_follows_affaire', t, t, t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO ins_import, ins_relay USING (true) WITH CHECK (true)',
                   t || '_services', t);
  END LOOP;
END $$;

ALTER TABLE attachment_page ENABLE ROW LEVEL SECURITY;
CREATE POLICY attachment_page_follows_affaire ON attachment_page
  FOR ALL TO instructeur, medecin_conseil, superviseur
  USING (EXISTS (SELECT FROM attachment t WHERE t.id = attachment_page.attachment_id))
  WITH CHECK (EXISTS (SELECT FROM attachment t WHERE t.id = attachment_page.attachment_id));

ALTER TABLE avis_medical_reasoning ENABLE ROW LEVEL SECURITY;
CREATE POLICY avis_medical_reasoning_follows_affaire ON avis_medical_reasoning
  FOR ALL TO medecin_conseil
  USING (EXISTS (SELECT FROM avis_medical m WHERE m.id = avis_medical_reasoning.avis_id))
  WITH CHECK (EXISTS (SELECT FROM avis_medical m WHERE m.id = avis_medical_reasoning.avis_id));

-- Bytes are shared by hash: readable when an attachment or a courrier the
-- role may see points at them; anyone working affaires may add bytes.
ALTER TABLE blob ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_visible ON blob
  FOR SELECT TO instructeur, superviseur
  USING (EXISTS (SELECT FROM attachment t WHERE t.sha256 = blob.sha256)
         OR EXISTS (SELECT FROM notification_outbox n WHERE n.courrier_sha256 = blob.sha256));
-- The médecin-conseil reads the pieces, not the courriers (nor the outbox).
CREATE POLICY blob_visible_medical ON blob
  FOR SELECT TO medecin_conseil
  USING (EXISTS (SELECT FROM attachment t WHERE t.sha256 = blob.sha256));
CREATE POLICY blob_insert ON blob
  FOR INSERT TO instructeur, superviseur WITH CHECK (true);
CREATE POLICY blob_services ON blob
  FOR ALL TO ins_import, ins_relay USING (true) WITH CHECK (true);
CREATE INDEX IF NOT EXISTS attachment_sha256_idx ON attachment (sha256);
CREATE INDEX IF NOT EXISTS notification_outbox_courrier_idx ON notification_outbox (courrier_sha256)
  WHERE courrier_sha256 IS NOT NULL;

-- History: agents append only their own actions.
CREATE POLICY history_own_actions ON history
  AS RESTRICTIVE FOR INSERT TO instructeur, medecin_conseil, superviseur
  WITH CHECK (agent_id = ins_current_agent_id());
