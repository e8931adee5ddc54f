-- 014-page-holder.sql — only the agent holding an affaire tags or turns its pages
--
-- Tags tick the affaire's checklist of pieces: they are part of the
-- instruction, and only the holder of the claim acts (domain.md). Every role
-- keeps reading the pages' state; superviseurs keep writing it, as they do
-- the affaires of their organisme.

DROP POLICY attachment_page_follows_affaire ON attachment_page;

CREATE POLICY attachment_page_read ON attachment_page
  FOR SELECT TO instructeur, medecin_conseil, superviseur
  USING (EXISTS (SELECT FROM attachment t WHERE t.id = attachment_page.attachment_id));

CREATE POLICY attachment_page_supervise ON attachment_page
  FOR ALL TO superviseur
  USING (EXISTS (SELECT FROM attachment t WHERE t.id = attachment_page.attachment_id))
  WITH CHECK (EXISTS (SELECT FROM attachment t WHERE t.id = attachment_page.attachment_id));

CREATE POLICY attachment_page_holder ON attachment_page
  FOR ALL TO instructeur
  USING (EXISTS (SELECT FROM attachment t JOIN affaire a ON a.id = t.affaire_id
                  WHERE t.id = attachment_page.attachment_id
                    AND a.assignee_id = ins_current_agent_id()))
  WITH CHECK (EXISTS (SELECT FROM attachment t JOIN affaire a ON a.id = t.affaire_id
                       WHERE t.id = attachment_page.attachment_id
                         AND a.assignee_id = ins_current_agent_id()));
