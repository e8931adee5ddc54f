-- 016-search-keys.sql — search by NIR, numéro and name through an index
--
-- Under the row security every agent connects with, only leakproof
-- comparisons on a column reach an index before the policy's filter: LIKE and
-- ins_fold() do not (015 dropped their indexes, which never served). The
-- queue's search narrows with ranges instead — pattern comparisons on the NIR
-- and the numéro, C-collation comparisons on folded name keys — and keeps its
-- exact LIKE match as a filter over what the ranges found.
--
-- The insured person's key, folded as the beneficiary's of 012: nom, chr(1),
-- prénom, so a prefix of the nom is a prefix of the key.
ALTER TABLE affaire ADD COLUMN ouvreur_key text COLLATE "C";

CREATE OR REPLACE FUNCTION ins_affaire_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.beneficiaire IS DISTINCT FROM OLD.beneficiaire THEN
    NEW.beneficiaire_key := ins_fold(substr(NEW.beneficiaire, strpos(NEW.beneficiaire, ' ') + 1))
                            || chr(1) || ins_fold(split_part(NEW.beneficiaire, ' ', 1));
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.nom, NEW.prenom) IS DISTINCT FROM (OLD.nom, OLD.prenom) THEN
    NEW.ouvreur_key := ins_fold(NEW.nom) || chr(1) || ins_fold(NEW.prenom);
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.kind, NEW.country, NEW.oc_label) IS DISTINCT FROM (OLD.kind, OLD.country, OLD.oc_label) THEN
    NEW.place_key := ins_fold(CASE WHEN NEW.kind = 'soins_etranger' AND NEW.country IS NOT NULL
                                   THEN coalesce(ins_country_name_fr(NEW.country), NEW.country::text)
                                   ELSE coalesce(NEW.oc_label, '') END);
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.currency, NEW.amount_minor) IS DISTINCT FROM (OLD.currency, OLD.amount_minor) THEN
    NEW.amount_key := CASE WHEN NEW.currency ~ '^[A-Z]{3}$' AND NEW.amount_minor IS NOT NULL
                           THEN ((ascii(substr(NEW.currency, 1, 1)) - 65) * 676
                                 + (ascii(substr(NEW.currency, 2, 1)) - 65) * 26
                                 + (ascii(substr(NEW.currency, 3, 1)) - 65))::bigint * 140737488355328
                                + least(NEW.amount_minor, 140737488355327)
                           ELSE 17576::bigint * 140737488355328 END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id THEN
    NEW.assignee_key := coalesce((SELECT ins_fold(display_name) FROM agent WHERE id = NEW.assignee_id), '');
  END IF;
  RETURN NEW;
END $$;

UPDATE affaire SET ouvreur_key = ins_fold(nom) || chr(1) || ins_fold(prenom);
ALTER TABLE affaire ALTER COLUMN ouvreur_key SET NOT NULL;

DROP TRIGGER affaire_sort_keys_update ON affaire;
CREATE TRIGGER affaire_sort_keys_update BEFORE UPDATE OF beneficiaire, nom, prenom, kind, country, oc_label,
                                                      currency, amount_minor, assignee_id ON affaire
  FOR EACH ROW
  WHEN ((NEW.beneficiaire, NEW.nom, NEW.prenom, NEW.kind, NEW.country, NEW.oc_label, NEW.currency,
         NEW.amount_minor, NEW.assignee_id)
        IS DISTINCT FROM
        (OLD.beneficiaire, OLD.nom, OLD.prenom, OLD.kind, OLD.country, OLD.oc_label, OLD.currency,
         OLD.amount_minor, OLD.assignee_id))
  EXECUTE FUNCTION ins_affaire_sort_keys();

-- The beneficiary's key has 012's sort index; the numéro its unique pattern
-- index of 002.
CREATE INDEX affaire_org_ouvreur_idx ON affaire (organisme_id, ouvreur_key);
CREATE INDEX affaire_nir_idx ON affaire (nir bpchar_pattern_ops);
