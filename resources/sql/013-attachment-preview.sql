-- 013-attachment-preview.sql — a small picture of each PDF's first page
--
-- Computed once, out of process, when the bytes enter the database (import,
-- seed): the viewer paints it at once on selection while the full page renders,
-- instead of decoding a whole 300-dpi scan for a placeholder. Shared by hash as
-- the bytes are, and as confidential as they are: readable where the bytes are.
CREATE TABLE blob_preview (
  sha256 bytea PRIMARY KEY REFERENCES blob ON DELETE CASCADE,
  width  integer NOT NULL CHECK (width BETWEEN 1 AND 256),
  height integer NOT NULL CHECK (height BETWEEN 1 AND 256),
  png    bytea NOT NULL
);

GRANT SELECT ON blob_preview TO instructeur, medecin_conseil, superviseur;
GRANT SELECT, INSERT ON blob_preview TO ins_import;

ALTER TABLE blob_preview ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_preview_visible ON blob_preview
  FOR SELECT TO instructeur, medecin_conseil, superviseur
  USING (EXISTS (SELECT FROM attachment t WHERE t.sha256 = blob_preview.sha256));
CREATE POLICY blob_preview_import ON blob_preview
  FOR ALL TO ins_import USING (true) WITH CHECK (true);
