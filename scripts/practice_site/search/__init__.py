"""What the site's search index sees (boosts, keywords, jieba's user words) and the search worker the site ships."""
