MATCH (w:Workspace {id: $ws})
RETURN coalesce(w.changeSeq, 0) AS changeSeq
