-- 003-notification-payload.sql — what the insured person is told
--
-- ins_outbox_enqueue() now snapshots, with the affaire, the French message as
-- the ameli messaging shows it (wording of the seeds), the insured person's
-- postal address for courriers and pre-formatted amounts, rate and dates.
-- docs/notifications.md describes the payload.

-- ISO 4217 minor units: 2 unless listed.
CREATE OR REPLACE FUNCTION ins_currency_exponent(p_currency text)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN upper(p_currency) IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG',
                               'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
    WHEN upper(p_currency) IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
    ELSE 2
  END
$$;

-- Digits grouped by three with a narrow no-break space: 1 234 567.
CREATE OR REPLACE FUNCTION ins_fr_group(p_digits text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT reverse(regexp_replace(reverse(p_digits), '(\d{3})(?=\d)', E'\\1\u202F', 'g'))
$$;

-- An amount in minor units as French text without currency: 1 234,56.
CREATE OR REPLACE FUNCTION ins_fr_amount(p_minor bigint, p_exponent integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  v_abs numeric := abs(p_minor);
  v_unit numeric := power(10::numeric, p_exponent);
  v_int text := trunc(v_abs / v_unit)::text;
  v_text text := ins_fr_group(v_int);
BEGIN
  IF p_minor IS NULL THEN
    RETURN NULL;
  END IF;
  IF p_exponent > 0 THEN
    v_text := v_text || ',' || lpad(mod(v_abs, v_unit)::text, p_exponent, '0');
  END IF;
  RETURN CASE WHEN p_minor < 0 THEN '-' ELSE '' END || v_text;
END $$;

-- Euro cents as French text: 1 234,56 €.
CREATE OR REPLACE FUNCTION ins_fr_euros(p_cents bigint)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ins_fr_amount(p_cents, 2) || E'\u00A0€'
$$;

-- A declared amount with its currency: 20 000 JPY, or 150,00 € for euros.
CREATE OR REPLACE FUNCTION ins_fr_money(p_minor bigint, p_currency text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN upper(p_currency) = 'EUR' THEN ins_fr_euros(p_minor)
              ELSE ins_fr_amount(p_minor, ins_currency_exponent(p_currency)) || E'\u00A0' || upper(p_currency)
         END
$$;

-- A rate as the ECB shows it, at least 4 decimals: 161,2300; 7 456,1234567.
CREATE OR REPLACE FUNCTION ins_fr_rate(p_rate numeric)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ins_fr_group(split_part(p_rate::text, '.', 1)) || ',' ||
         CASE WHEN length(rtrim(split_part(p_rate::text, '.', 2), '0')) < 4
              THEN rpad(rtrim(split_part(p_rate::text, '.', 2), '0'), 4, '0')
              ELSE rtrim(split_part(p_rate::text, '.', 2), '0') END
$$;

-- 22 novembre 2026, 1er mars 2026.
CREATE OR REPLACE FUNCTION ins_fr_date(p_date date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN extract(day FROM p_date) = 1 THEN '1er' ELSE extract(day FROM p_date)::int::text END
         || ' '
         || (ARRAY['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
                   'septembre', 'octobre', 'novembre', 'décembre'])[extract(month FROM p_date)::int]
         || ' ' || extract(year FROM p_date)::int::text
$$;

-- The motif of a refusal as the insured person reads it.
CREATE OR REPLACE FUNCTION ins_fr_motif(p_motif refusal_motif)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_motif
    WHEN 'prestations_non_remboursables' THEN 'prestations non remboursables'
    WHEN 'droits_non_ouverts' THEN 'droits non ouverts à la date des soins'
    WHEN 'documents_hors_perimetre' THEN 'documents hors du périmètre de la demande'
    WHEN 'hors_delai' THEN 'demande présentée hors délai'
    WHEN 'non_eligible' THEN 'demande non éligible au service en ligne'
    WHEN 'autre' THEN 'autre motif'
  END
$$;

-- The message shown in the insured person's ameli messaging.
CREATE OR REPLACE FUNCTION ins_notification_message(p_kind notification_kind, p_affaire_id bigint)
RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  a affaire%ROWTYPE;
  v_demande text;
  v_subject text;
  v_body text;
  v_received text;
  v_contact constant text :=
    E'Pour tout renseignement complémentaire concernant votre démarche, vous pouvez nous contacter '
    'via la messagerie de votre compte ameli.';
  v_close constant text := E'Avec toute notre attention,\n\nVotre caisse d’Assurance Maladie.';
  v_piece text;
BEGIN
  SELECT * INTO a FROM affaire WHERE id = p_affaire_id;
  v_received := to_char(a.received_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY');
  v_demande := CASE a.kind WHEN 'soins_etranger'
                 THEN 'votre demande de prise en charge de soins à l’étranger'
                 ELSE 'votre choix d’organisme complémentaire' END;

  CASE p_kind
  WHEN 'accuse_reception' THEN
    v_subject := CASE a.kind WHEN 'soins_etranger'
                   THEN 'Accusé de réception de votre demande de prise en charge de soins à l’étranger'
                   ELSE 'Accusé de réception de votre choix d’organisme complémentaire' END;
    v_body := format(E'Bonjour,\n\nNous accusons réception de %s du %s (n°\u00A0%s).\n\n%s*.\n\n%s\n\n' ||
                     E'(*)\u00A0: ou par téléphone au 36\u00A046 (service gratuit + prix appel), depuis ' ||
                     E'l’étranger composez le +33\u00A01\u00A084\u00A080\u00A036\u00A046 (service gratuit + prix appel).',
                     v_demande, v_received, a.numero, replace(v_contact, 'ameli.', 'ameli'), v_close);
  WHEN 'acceptation' THEN
    v_subject := CASE a.kind WHEN 'soins_etranger'
                   THEN 'Remboursement de vos soins à l’étranger'
                   ELSE 'Votre choix d’organisme complémentaire' END;
    v_body := format(E'Bonjour,\n\n%s du %s (n°\u00A0%s) est acceptée.',
                     upper(left(v_demande, 1)) || substr(v_demande, 2), v_received, a.numero);
    IF a.amount_eur_cents IS NOT NULL THEN
      v_body := v_body || format(E'\n\nMontant remboursé\u00A0: %s, versé sur le compte bancaire '
                                 'enregistré dans votre dossier.', ins_fr_euros(a.amount_eur_cents));
      IF a.currency IS NOT NULL AND upper(a.currency) <> 'EUR' THEN
        v_body := v_body || format(E'\nMontant déclaré\u00A0: %s, converti en euros au taux de ' ||
                                   E'1\u00A0€ = %s\u00A0%s du %s (source\u00A0: %s).',
                                   ins_fr_money(a.amount_minor, a.currency), ins_fr_rate(a.rate),
                                   upper(a.currency), ins_fr_date(a.rate_date),
                                   coalesce(a.rate_source, 'BCE'));
      ELSIF a.amount_minor IS NOT NULL THEN
        v_body := v_body || format(E'\nMontant déclaré\u00A0: %s.', ins_fr_money(a.amount_minor, a.currency));
      END IF;
    END IF;
    v_body := v_body || format(E'\n\n%s\n\n%s', v_contact, v_close);
  WHEN 'refus' THEN
    v_subject := CASE a.kind WHEN 'soins_etranger'
                   THEN 'Refus de prise en charge de soins réalisés à l’étranger'
                   ELSE 'Votre choix d’organisme complémentaire' END;
    v_body := format(E'Bonjour,\n\nAprès examen, %s du %s (n°\u00A0%s) ne peut pas être acceptée.\n\n' ||
                     E'Motif\u00A0: %s.',
                     v_demande, v_received, a.numero, coalesce(ins_fr_motif(a.refusal_motif), 'autre motif'));
    IF coalesce(a.decision_text, '') <> '' THEN
      v_body := v_body || E'\n' || a.decision_text;
    END IF;
    v_body := v_body || format(E'\n\nVous trouverez le détail de cette décision et les voies de recours ' ||
                               E'dans le courrier joint.\n\n%s\n\n%s', v_contact, v_close);
  WHEN 'pieces_manquantes' THEN
    v_subject := 'Informations ou pièces complémentaires à joindre à votre dossier';
    v_body := format(E'Bonjour,\n\n%s du %s (n°\u00A0%s) est incomplète. Pour poursuivre son ' ||
                     E'instruction, merci de nous transmettre\u00A0:',
                     upper(left(v_demande, 1)) || substr(v_demande, 2), v_received, a.numero);
    FOREACH v_piece IN ARRAY coalesce(a.missing_pieces, '{}') LOOP
      v_body := v_body || E'\n– ' || v_piece;
    END LOOP;
    IF coalesce(a.decision_text, '') <> '' THEN
      v_body := v_body || E'\n\n' || a.decision_text;
    END IF;
    v_body := v_body || format(E'\n\nVous trouverez le détail dans le courrier joint.\n\n%s\n\n%s',
                               v_contact, v_close);
  WHEN 'oc_activee' THEN
    v_subject := 'Ma mutuelle';
    v_body := 'La transmission automatique des paiements à votre complémentaire est activée.';
  END CASE;
  RETURN jsonb_build_object('subject', v_subject, 'body', v_body);
END $$;

CREATE OR REPLACE FUNCTION ins_outbox_enqueue(p_affaire_id bigint, p_kind notification_kind,
                                              p_courrier_sha256 bytea DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_payload jsonb;
BEGIN
  SELECT jsonb_build_object(
           'kind', p_kind,
           'affaire', jsonb_build_object('numero', a.numero, 'type', a.kind,
                                         'submission_id', a.submission_id,
                                         'received_at', a.received_at,
                                         'beneficiaire', a.beneficiaire),
           'insured', jsonb_build_object('nir', a.nir, 'nom', a.nom, 'prenom', a.prenom,
                                         'address', to_jsonb(regexp_split_to_array(
                                           nullif(btrim(s.address, E' \n'), ''), E'\\s*\\n\\s*'))),
           'organisme', jsonb_build_object('code', o.code, 'name', o.name,
                                           'letterhead', to_jsonb(regexp_split_to_array(
                                             nullif(btrim(o.letterhead, E' \n'), ''), E'\\s*\\n\\s*'))),
           'decision', jsonb_strip_nulls(jsonb_build_object(
                         'decided_at', a.decided_at,
                         'amount_eur_cents', a.amount_eur_cents,
                         'amount_eur', ins_fr_euros(a.amount_eur_cents),
                         'amount_minor', a.amount_minor, 'currency', a.currency,
                         'amount_declared', ins_fr_money(a.amount_minor, a.currency),
                         'rate', rtrim(rtrim(a.rate::text, '0'), '.'),
                         'rate_label', CASE WHEN a.rate IS NOT NULL AND a.currency IS NOT NULL
                                            THEN E'1\u00A0€ = ' || ins_fr_rate(a.rate) || E'\u00A0' || upper(a.currency)
                                       END,
                         'rate_date', a.rate_date, 'rate_source', a.rate_source,
                         'refusal_motif', a.refusal_motif,
                         'refusal_motif_label', ins_fr_motif(a.refusal_motif),
                         'text', nullif(a.decision_text, ''),
                         'missing_pieces', to_jsonb(a.missing_pieces))),
           'message', ins_notification_message(p_kind, a.id))
    INTO v_payload
    FROM affaire a
    JOIN organisme o ON o.id = a.organisme_id
    JOIN assure s ON s.id = a.assure_id
   WHERE a.id = p_affaire_id;
  IF v_payload IS NULL THEN
    RAISE EXCEPTION 'no affaire %', p_affaire_id USING ERRCODE = 'foreign_key_violation';
  END IF;

  INSERT INTO notification_outbox (affaire_id, kind, payload, courrier_sha256)
  VALUES (p_affaire_id, p_kind, v_payload, p_courrier_sha256)
  ON CONFLICT (affaire_id, kind) DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NULL THEN
    SELECT id INTO v_id FROM notification_outbox WHERE affaire_id = p_affaire_id AND kind = p_kind;
  END IF;
  RETURN v_id;
END $$;

-- Relays also wake when a parked row is put back to pending.
CREATE TRIGGER outbox_retried AFTER UPDATE OF state ON notification_outbox
  FOR EACH ROW WHEN (NEW.state = 'pending' AND OLD.state <> 'pending')
  EXECUTE FUNCTION outbox_notify();
